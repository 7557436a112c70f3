package dev.ledgerbridge.sandbox.qbo.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.QboJson;
import dev.ledgerbridge.sandbox.qbo.QboTime;
import dev.ledgerbridge.sandbox.qbo.config.QboSandboxConfig;
import dev.ledgerbridge.sandbox.qbo.service.QboEntityService;
import dev.ledgerbridge.sandbox.qbo.service.QboRequestLog.StoredAnswer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * QuickBooks Online Accounting API v3 for one company: {@code /v3/company/{realmId}/...} with query, CDC,
 * company info, preferences and create/read/update/delete of the entities the suite writes. JSON only;
 * {@code minorversion} is accepted and ignored.
 */
@Path("/v3/company/{realmId}")
@Produces(MediaType.APPLICATION_JSON)
public class QboCompanyResource {

    private final QboEntityService entities;
    private final QboClock clock;
    private final QboSandboxConfig config;
    private final ObjectReader reader;

    public QboCompanyResource(QboEntityService entities, QboClock clock, QboSandboxConfig config, ObjectMapper mapper) {
        this.entities = entities;
        this.clock = clock;
        this.config = config;
        this.reader = QboJson.reader(mapper);
    }

    @GET
    @Path("query")
    public ObjectNode query(@RestPath String realmId, @RestQuery String query) {
        return queryResponse(realmId, query);
    }

    @POST
    @Path("query")
    @Consumes({"application/text", MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public ObjectNode queryByPost(@RestPath String realmId, String statement) {
        return queryResponse(realmId, statement);
    }

    @GET
    @Path("cdc")
    public ObjectNode cdc(@RestPath String realmId, @RestQuery String entities, @RestQuery String changedSince) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("CDCResponse").addObject().set("QueryResponse",
                this.entities.changes(realmId, entities, changedSince));
        return timed(body);
    }

    @GET
    @Path("companyinfo/{id}")
    public ObjectNode companyInfo(@RestPath String realmId, @RestPath String id) {
        if (!id.equals(realmId) && !id.equals("1")) {
            throw QboFault.objectNotFound("Id");
        }
        return wrap(QboEntityType.COMPANY_INFO, entities.read(realmId, QboEntityType.COMPANY_INFO, "1"));
    }

    @GET
    @Path("preferences")
    public ObjectNode preferences(@RestPath String realmId) {
        return wrap(QboEntityType.PREFERENCES, entities.read(realmId, QboEntityType.PREFERENCES, "1"));
    }

    @GET
    @Path("{entity}/{id}")
    public ObjectNode read(@RestPath String realmId, @RestPath String entity, @RestPath String id) {
        QboEntityType type = type(entity);
        return wrap(type, entities.read(realmId, type, id));
    }

    @POST
    @Path("{entity}")
    @Consumes(MediaType.WILDCARD)
    public Response write(@RestPath String realmId, @RestPath String entity, @RestQuery String operation,
            @RestQuery String requestid, String body) {
        return answerOnce(realmId, requestid, () -> {
            QboEntityType type = type(entity);
            ObjectNode json = parse(body);
            if (operation == null || operation.equals("update") || operation.equals("create")) {
                return wrap(type, entities.write(realmId, type, json));
            }
            if (operation.equals("delete")) {
                return wrap(type, entities.delete(realmId, type, json));
            }
            throw QboFault.validation("500", "Unsupported Operation",
                    "Operation " + operation + " is not supported by the sandbox", "operation");
        });
    }

    /** Runs a write once per requestid and realm; a repeat gets the first status and body back. */
    private Response answerOnce(String realmId, String requestId, Supplier<ObjectNode> work) {
        if (requestId != null && requestId.length() > config.requestIdMaxLength()) {
            throw QboFault.business("requestid must be at most " + config.requestIdMaxLength() + " characters",
                    "requestid");
        }
        StoredAnswer answer = entities.once(realmId, requestId, () -> {
            try {
                return new StoredAnswer(200, work.get());
            } catch (QboFault fault) {
                return new StoredAnswer(fault.status(), QboFaultBodies.fault(fault, clock.now()));
            }
        });
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body()).build();
    }

    private ObjectNode queryResponse(String realmId, String statement) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("QueryResponse", entities.query(realmId, statement));
        return timed(body);
    }

    private ObjectNode wrap(QboEntityType type, ObjectNode entity) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(type.wireName(), entity);
        return timed(body);
    }

    private ObjectNode timed(ObjectNode body) {
        body.put("time", QboTime.responseTime(clock.now()));
        return body;
    }

    private static QboEntityType type(String path) {
        return QboEntityType.byPath(path).orElseThrow(() -> QboFault.validation("500", "Unsupported Operation",
                "Operation Could not find resource for relative : /" + path, ""));
    }

    private ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "Property Name:the request body is empty", "");
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "Property Name:malformed JSON: " + e.getOriginalMessage(), "");
        }
        if (!(node instanceof ObjectNode object)) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "Property Name:the request body must be a JSON object", "");
        }
        return object;
    }
}
