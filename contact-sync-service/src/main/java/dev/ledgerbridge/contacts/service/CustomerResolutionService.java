package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.ResolvedCustomer;
import dev.ledgerbridge.contacts.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.contacts.client.QboCustomers;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.RequestIds;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import dev.ledgerbridge.quickbooks.model.TelephoneNumber;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves the contact of an action to a QBO customer (R3, R6-R9): in SYNC_FILTERS mode only a contact that passes
 * the company's sync filters; then the stored link first (no QBO call), else an existing customer with the same name
 * and e-mail, else a new customer under a free, readable DisplayName.
 */
@ApplicationScoped
public class CustomerResolutionService {

    private static final int MAX_NAME_PART = 100;
    private static final int MAX_PHONE = 30;
    private static final int MAX_EMAIL = 100;

    private final ContactLinks links;
    private final QboCustomers customers;
    private final GatewayAccessTokenProvider tokens;
    private final MatchingSettingsService settings;

    CustomerResolutionService(ContactLinks links, QboCustomers customers, GatewayAccessTokenProvider tokens,
            MatchingSettingsService settings) {
        this.links = links;
        this.customers = customers;
        this.tokens = tokens;
        this.settings = settings;
    }

    /**
     * The customer for the chosen contact; fails with {@link CustomerResolutionRefusal} for business refusals and
     * with {@link QboException} when QBO fails.
     */
    public Uni<ResolvedCustomer> resolve(ResolveCustomerCommand command) {
        return Uni.createFrom().item(() -> ContactChoice.choose(command.contactChoice(), command.contacts()))
                .call(contact -> settings.settings(command.realmId()).invoke(current -> checkEligible(current, contact)))
                .chain(contact -> links.find(command.realmId(), command.portalId(), contact.id())
                        .chain(link -> {
                            if (link != null) {
                                Log.infof("Contact %s in realm %s is linked to customer %s", contact.id(),
                                        command.realmId(), link.customerId);
                                return Uni.createFrom().item(new ResolvedCustomer(contact.id(), link.customerId,
                                        link.displayName, Resolution.LINKED));
                            }
                            return matchOrCreate(command, contact);
                        }));
    }

    // R7: checked before the link, so a linked contact that has left the filters (say, back to "lead") is refused
    // too; the company's filters decide which contacts may be billed, whatever happened before.
    private static void checkEligible(MatchingSettings current, Contact contact) {
        if (current.mode() != MatchingMode.SYNC_FILTERS) {
            return;
        }
        SyncFilterEligibility.failure(current.filterGroups(), contact).ifPresent(reason -> {
            Log.infof("Contact %s in realm %s does not pass the sync filters (settings version %d)", contact.id(),
                    current.realmId(), current.version());
            throw new CustomerResolutionRefusal(Code.CONTACT_NOT_ELIGIBLE, reason);
        });
    }

    private Uni<ResolvedCustomer> matchOrCreate(ResolveCustomerCommand command, Contact contact) {
        QboCompany company = customers.company(command.realmId(), command.correlationId());
        String email = contact.trimmedEmail();
        // Legacy matching needs the e-mail: without one there is nothing QBO can be asked for (R6).
        Uni<Customer> match = email == null ? Uni.createFrom().nullItem()
                : customers.findByEmail(company, email)
                        .map(candidates -> LegacyNameEmailMatch.best(contact, candidates).orElse(null));
        return match
                .chain(found -> found != null ? useMatch(company, command, contact, found)
                        : create(company, command, contact, DisplayNames.candidates(contact), 0))
                .onFailure(QboException.class).invoke(failure -> {
                    if (((QboException) failure).isAuthentication()) {
                        tokens.invalidate(command.realmId());
                    }
                })
                .chain(resolved -> links.record(ContactLink.of(
                                new ContactLink.Key(command.realmId(), command.portalId(), contact.id()),
                                resolved.customerId(), resolved.displayName(), email, resolved.resolution()))
                        .map(stored -> new ResolvedCustomer(contact.id(), stored.customerId, stored.displayName,
                                resolved.resolution())));
    }

    private Uni<ResolvedCustomer> useMatch(QboCompany company, ResolveCustomerCommand command, Contact contact,
            Customer customer) {
        if (!Boolean.FALSE.equals(customer.active())) {
            Log.infof("Contact %s in realm %s matched customer %s", contact.id(), command.realmId(), customer.id());
            return Uni.createFrom().item(matched(contact, customer));
        }
        // An inactive customer is the same person a finance user once billed: reactivate it rather than create a
        // duplicate under a suffixed name (README, "Inactive customers").
        String requestId = RequestIds.derive("customer-reactivate", Long.toString(command.portalId()), contact.id(),
                command.realmId(), customer.id(), customer.syncToken());
        Log.infof("Contact %s in realm %s matched inactive customer %s; reactivating it", contact.id(),
                command.realmId(), customer.id());
        return customers.reactivate(company, customer, requestId).map(updated -> matched(contact, updated));
    }

    private static ResolvedCustomer matched(Contact contact, Customer customer) {
        return new ResolvedCustomer(contact.id(), customer.id(), customer.displayName(), Resolution.MATCHED);
    }

    private Uni<ResolvedCustomer> create(QboCompany company, ResolveCustomerCommand command, Contact contact,
            List<String> displayNames, int attempt) {
        String displayName = displayNames.get(attempt);
        return customers.create(company, newCustomer(contact, displayName), createRequestId(command, contact, displayName))
                .map(created -> {
                    Log.infof("Contact %s in realm %s: created customer %s (name attempt %d)", contact.id(),
                            command.realmId(), created.id(), attempt + 1);
                    return new ResolvedCustomer(contact.id(), created.id(), created.displayName(), Resolution.CREATED);
                })
                .onFailure(failure -> failure instanceof QboFaultException fault && fault.isDuplicateName())
                .recoverWithUni(failure -> {
                    if (attempt + 1 < displayNames.size()) {
                        Log.infof("Contact %s in realm %s: DisplayName attempt %d is taken (6240); trying the next",
                                contact.id(), command.realmId(), attempt + 1);
                        return create(company, command, contact, displayNames, attempt + 1);
                    }
                    return Uni.createFrom().failure(nameTaken(displayNames));
                });
    }

    /** The requestid of a create: same contact, company and DisplayName give the same id, so QBO replays (R16). */
    static String createRequestId(ResolveCustomerCommand command, Contact contact, String displayName) {
        // Base64 keeps the DisplayName injective and free of the '|' that RequestIds uses as separator.
        String name = Base64.getUrlEncoder().withoutPadding().encodeToString(displayName.getBytes(StandardCharsets.UTF_8));
        return RequestIds.derive("customer", Long.toString(command.portalId()), contact.id(), command.realmId(), name);
    }

    static Customer newCustomer(Contact contact, String displayName) {
        String email = contact.trimmedEmail();
        String company = LegacyNameEmailMatch.clean(contact.company());
        String phone = contact.phone() == null ? null : contact.phone().strip();
        return Customer.builder()
                .displayName(displayName)
                .givenName(blankToNull(DisplayNames.truncate(LegacyNameEmailMatch.clean(contact.firstName()), MAX_NAME_PART)))
                .familyName(blankToNull(DisplayNames.truncate(LegacyNameEmailMatch.clean(contact.lastName()), MAX_NAME_PART)))
                .primaryEmailAddr(email == null || email.length() > MAX_EMAIL ? null : EmailAddress.of(email))
                .companyName(blankToNull(DisplayNames.truncate(company, DisplayNames.MAX_LENGTH)))
                // A number QBO cannot store is left out rather than cut: half a phone number is worse than none.
                .primaryPhone(phone == null || phone.isEmpty() || phone.length() > MAX_PHONE ? null : TelephoneNumber.of(phone))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static CustomerResolutionRefusal nameTaken(List<String> displayNames) {
        String names = displayNames.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        return new CustomerResolutionRefusal(Code.CUSTOMER_NAME_TAKEN, "QuickBooks already uses each of the names "
                + names + " for another customer, vendor or employee, so no customer could be created for this contact."
                + " Rename one of them in QuickBooks and run the action again.");
    }
}
