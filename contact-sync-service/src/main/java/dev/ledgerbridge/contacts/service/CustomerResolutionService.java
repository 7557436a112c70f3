package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.ContactLink;
import dev.ledgerbridge.contacts.CustomerPreview;
import dev.ledgerbridge.contacts.CustomerPreview.Outcome;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.FilterPropertiesMissingException;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.ResolvedCustomer;
import dev.ledgerbridge.contacts.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.contacts.client.QboCustomers;
import dev.ledgerbridge.contacts.repository.ContactLockRepository;
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
import java.util.Set;
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

    // Always in every request (the first action's contract), so the filters never need them in `properties`.
    private static final Set<String> STANDARD_PROPERTIES = Set.of("firstname", "lastname", "email", "company", "phone");

    private final ContactLinks links;
    private final ContactLockRepository locks;
    private final QboCustomers customers;
    private final GatewayAccessTokenProvider tokens;
    private final MatchingSettingsService settings;

    CustomerResolutionService(ContactLinks links, ContactLockRepository locks, QboCustomers customers,
            GatewayAccessTokenProvider tokens, MatchingSettingsService settings) {
        this.links = links;
        this.locks = locks;
        this.customers = customers;
        this.tokens = tokens;
        this.settings = settings;
    }

    /**
     * The customer for the chosen contact; fails with {@link CustomerResolutionRefusal} for business refusals and
     * with {@link QboException} when QBO fails.
     */
    public Uni<ResolvedCustomer> resolve(ResolveCustomerCommand command) {
        String stale = blankToNull(command.staleCustomerId());
        return Uni.createFrom().item(() -> ContactChoice.choose(command.contactChoice(), command.contacts()))
                .call(contact -> settings.settings(command.realmId()).invoke(current -> checkEligible(current, contact)))
                .chain(contact -> links.find(command.realmId(), command.portalId(), contact.id())
                        .chain(link -> {
                            // The warm path: a link answers without QBO and without the lock (0 QBO calls). A link to
                            // the customer the caller reports as stale is the one case that needs QBO again.
                            if (link != null && !link.customerId.equals(stale)) {
                                return Uni.createFrom().item(linked(command, contact, link));
                            }
                            return resolveLocked(command, contact, stale);
                        }));
    }

    // Under the contact's advisory lock (every replica): re-read the link, since a concurrent resolution may have made
    // it while we waited, drop a stale one, then match or create, and link. Only one QBO create per contact and company.
    private Uni<ResolvedCustomer> resolveLocked(ResolveCustomerCommand command, Contact contact, String stale) {
        ContactLink.Key key = new ContactLink.Key(command.realmId(), command.portalId(), contact.id());
        return locks.withLock(key, locked -> locked.find().chain(link -> {
            if (link != null && !link.customerId.equals(stale)) {
                Log.infof("Contact %s in realm %s was linked concurrently to customer %s; using that link",
                        contact.id(), command.realmId(), link.customerId);
                return Uni.createFrom().item(linked(command, contact, link));
            }
            if (link == null) {
                return matchCreateAndLink(command, contact, stale, null, locked);
            }
            // The caller's word that the customer is stale is checked first (one read): its 610 may have been about
            // another reference of the document (an item), and a healthy link must never be replaced by a duplicate.
            return customers.isUsable(customers.company(command.realmId(), command.correlationId()), stale)
                    .chain(usable -> {
                        if (usable) {
                            Log.infof("Contact %s in realm %s: customer %s was reported stale but is active in QBO;"
                                    + " keeping the link", contact.id(), command.realmId(), stale);
                            return Uni.createFrom().item(linked(command, contact, link));
                        }
                        return locked.deleteIfCustomer(stale)
                                .invoke(() -> Log.infof("Contact %s in realm %s: dropped the link to customer %s, which"
                                        + " QBO deleted or merged away; matching again", contact.id(), command.realmId(),
                                        stale))
                                .chain(() -> matchCreateAndLink(command, contact, stale, stale, locked));
                    });
        }));
    }

    private Uni<ResolvedCustomer> matchCreateAndLink(ResolveCustomerCommand command, Contact contact, String stale,
            String replaced, ContactLockRepository.LockedLink locked) {
        String email = contact.trimmedEmail();
        return matchOrCreate(command, contact, stale)
                .chain(resolved -> locked.insertIfAbsent(resolved.customerId(), resolved.displayName(), email,
                                resolved.resolution())
                        .map(stored -> new ResolvedCustomer(contact.id(), stored.customerId, stored.displayName,
                                resolved.resolution(), replaced)));
    }

    private static ResolvedCustomer linked(ResolveCustomerCommand command, Contact contact, ContactLink link) {
        Log.infof("Contact %s in realm %s is linked to customer %s", contact.id(), command.realmId(), link.customerId);
        return new ResolvedCustomer(contact.id(), link.customerId, link.displayName, Resolution.LINKED);
    }

    /**
     * What {@link #resolve} would do for the command, without writing anything anywhere: no link, no QBO write. Reads
     * the link, the settings and, when not linked, QBO (the e-mail look-up, and for a create the names in use).
     */
    public Uni<CustomerPreview> preview(ResolveCustomerCommand command) {
        String stale = blankToNull(command.staleCustomerId());
        return settings.settings(command.realmId()).chain(current -> {
            Contact contact;
            try {
                contact = ContactChoice.choose(command.contactChoice(), command.contacts());
                checkEligible(current, contact);
            } catch (CustomerResolutionRefusal refusal) {
                return Uni.createFrom().item(refused(null, refusal, current));
            }
            return links.find(command.realmId(), command.portalId(), contact.id())
                    .chain(link -> link != null && !link.customerId.equals(stale)
                            ? Uni.createFrom().item(new CustomerPreview(Outcome.LINK, contact.id(), link.customerId,
                                    link.displayName, false, null, "Contact " + contact.id() + " is linked to QuickBooks"
                                    + " customer \"" + link.displayName + "\" (Id " + link.customerId + "); it would be"
                                    + " used without asking QuickBooks.", current.mode(), current.version(), List.of()))
                            : previewUnlinked(command, contact, stale, current))
                    .onFailure(CustomerResolutionRefusal.class).recoverWithItem(failure ->
                            refused(contact.id(), (CustomerResolutionRefusal) failure, current));
        });
    }

    private Uni<CustomerPreview> previewUnlinked(ResolveCustomerCommand command, Contact contact, String stale,
            MatchingSettings current) {
        QboCompany company = customers.company(command.realmId(), command.correlationId());
        String email = contact.trimmedEmail();
        Uni<Customer> match = email == null ? Uni.createFrom().nullItem()
                : customers.findByEmail(company, email).map(candidates -> best(contact, candidates, stale));
        return match.chain(found -> {
            if (found != null) {
                boolean inactive = Boolean.FALSE.equals(found.active());
                return Uni.createFrom().item(new CustomerPreview(Outcome.MATCH, contact.id(), found.id(),
                        found.displayName(), inactive, null, "QuickBooks customer \"" + found.displayName() + "\" (Id "
                        + found.id() + ") has the contact's name and email address; it would be used"
                        + (inactive ? " and made active again." : "."), current.mode(), current.version(), List.of()));
            }
            List<String> names = DisplayNames.candidates(contact);
            return customers.displayNamesInUse(company, names).map(taken -> {
                List<String> takenInOrder = names.stream().filter(n -> containsIgnoringCase(taken, n)).toList();
                String free = names.stream().filter(n -> !containsIgnoringCase(taken, n)).findFirst().orElse(null);
                if (free == null) {
                    return refused(contact.id(), nameTaken(names), current);
                }
                return new CustomerPreview(Outcome.CREATE, contact.id(), null, free, false, null,
                        "No QuickBooks customer has the contact's name and email address; a customer named \"" + free
                        + "\" would be created." + (takenInOrder.isEmpty() ? "" : " QuickBooks already uses "
                        + takenInOrder.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + "."),
                        current.mode(), current.version(), takenInOrder);
            });
        });
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        return names.stream().anyMatch(n -> LegacyNameEmailMatch.normaliseName(n)
                .equals(LegacyNameEmailMatch.normaliseName(name)));
    }

    private static CustomerPreview refused(String contactId, CustomerResolutionRefusal refusal,
            MatchingSettings current) {
        return new CustomerPreview(Outcome.REFUSE, contactId, null, null, false, refusal.code().name(),
                refusal.getMessage(), current.mode(), current.version(), List.of());
    }

    // The stale customer is left out: QBO refused it (deleted or merged away), so reactivating or reusing it would
    // only fail again, or bring back a customer a finance user merged on purpose.
    private static Customer best(Contact contact, List<Customer> candidates, String stale) {
        List<Customer> usable = stale == null ? candidates
                : candidates.stream().filter(c -> !stale.equals(c.id())).toList();
        return LegacyNameEmailMatch.best(contact, usable).orElse(null);
    }

    // R7: checked before the link, so a linked contact that has left the filters (say, back to "lead") is refused
    // too; the company's filters decide which contacts may be billed, whatever happened before.
    private static void checkEligible(MatchingSettings current, Contact contact) {
        if (current.mode() != MatchingMode.SYNC_FILTERS) {
            return;
        }
        // A property the filters read but the request does not carry would count as unknown and could let an
        // ineligible contact through (IS_UNKNOWN, NOT_EQUALS): the caller's list is outdated, so it must resend.
        List<String> missing = current.filterProperties().stream()
                .filter(name -> !contact.properties().containsKey(name) && !STANDARD_PROPERTIES.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new FilterPropertiesMissingException(missing, current.version());
        }
        SyncFilterEligibility.failure(current.filterGroups(), contact).ifPresent(reason -> {
            Log.infof("Contact %s in realm %s does not pass the sync filters (settings version %d)", contact.id(),
                    current.realmId(), current.version());
            throw new CustomerResolutionRefusal(Code.CONTACT_NOT_ELIGIBLE, reason);
        });
    }

    private Uni<ResolvedCustomer> matchOrCreate(ResolveCustomerCommand command, Contact contact, String stale) {
        QboCompany company = customers.company(command.realmId(), command.correlationId());
        String email = contact.trimmedEmail();
        // Legacy matching needs the e-mail: without one there is nothing QBO can be asked for (R6).
        Uni<Customer> match = email == null ? Uni.createFrom().nullItem()
                : customers.findByEmail(company, email).map(candidates -> best(contact, candidates, stale));
        return match
                .chain(found -> found != null ? useMatch(company, command, contact, found)
                        : create(company, command, contact, DisplayNames.candidates(contact), 0))
                .onFailure(QboException.class).invoke(failure -> {
                    if (((QboException) failure).isAuthentication()) {
                        tokens.invalidate(command.realmId());
                    }
                });
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
        String stale = blankToNull(command.staleCustomerId());
        if (stale != null) {
            // A repair must not replay the create that made the now stale customer: its own requestid.
            return RequestIds.derive("customer", Long.toString(command.portalId()), contact.id(), command.realmId(),
                    name, "replacing", stale);
        }
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
