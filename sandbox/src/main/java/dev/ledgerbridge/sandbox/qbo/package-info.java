/**
 * The QuickBooks Online half of the sandbox: QBO Accounting API v3 under {@code /v3/company/{realmId}} and
 * Intuit OAuth 2.0, in memory, wire-compatible with the real services.
 *
 * <p>Choices where Intuit's behaviour is unconfirmed (domain brief §1), stated once here:
 * <ul>
 * <li>Query values: string {@code =}, {@code IN}, {@code LIKE} and ranges ignore case (Locale.ROOT); no Unicode
 * normalisation, so clients must normalise and confirm candidates themselves. Entity names are case-sensitive.
 * Syntax errors and unknown entities are 400 code 4000 "Error parsing query"; unknown or non-filterable
 * properties are 400 code 4001 "Invalid query". MAXRESULTS above 1000 is capped, default page 100; rows come in
 * Id order unless ORDERBY says otherwise; name lists show active rows only unless the query filters on Active.</li>
 * <li>Auth: a missing, unknown, revoked or expired token is 401 with the gateway's lower-case body (003200) and
 * {@code WWW-Authenticate}; a valid token used on another (or an unknown) realm is 403 with the lower-case body
 * {@code message=ApplicationAuthorizationFailed; errorCode=003100} and type AUTHORIZATION.</li>
 * <li>Throttle: 429, capitalised Fault, code 003001, type SystemFault, message
 * {@code message=ThrottleExceeded; errorCode=003001; statusCode=429}; sliding one-second and one-minute windows
 * per realm over accepted requests.</li>
 * <li>requestid: the first answer (status and body, faults included) is replayed for the same id and realm, even
 * when the body differs; ids over 50 characters are 400 code 6000.</li>
 * <li>Bodies: an unknown top-level property (not in Intuit's XSD model of the entity) or malformed JSON is 400
 * code 2010 "Request has invalid or unsupported property"; nested objects are echoed unchecked.</li>
 * <li>Other codes: 2020 required field missing, 610 reference missing or inactive (also a read of an unknown
 * Id), 5010 stale SyncToken, 6070 Amount ≠ Qty × UnitPrice, 6100 US line TaxCode other than TAX/NON, 6140
 * duplicate DocNumber (only while CustomTxnNumbers is on), 6240 duplicate name (customers and vendors share
 * DisplayNames, active or not, case-insensitive; items, terms and accounts among themselves), 620 payment linked
 * to another customer's invoice, 6000 other business rules, 500 unsupported operation.</li>
 * </ul>
 */
package dev.ledgerbridge.sandbox.qbo;
