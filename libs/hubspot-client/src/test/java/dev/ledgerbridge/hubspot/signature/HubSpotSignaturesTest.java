package dev.ledgerbridge.hubspot.signature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HubSpotSignaturesTest {

    /** Placeholder secret used by HubSpot's request-validation docs and by all official client test suites. */
    private static final String DOC_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static final String DOC_URI = "https://www.example.com/webhook_uri";

    private static final String SECRET = "ledgerbridge-local-secret";
    private static final String ACTION_URI = "https://bridge.example.com/hubspot/actions/create-invoice";
    private static final byte[] ACTION_BODY =
            "{\"callbackId\":\"ap-40213377-88112233445-3-0\",\"origin\":{\"portalId\":40213377}}".getBytes(UTF_8);
    private static final long SIGNED_AT = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    private static final String SIGNED_AT_HEADER = Long.toString(SIGNED_AT);
    /**
     * Independent oracle, computed outside Java:
     * printf '%s' "POST${ACTION_URI}${BODY}1772445600000" | openssl dgst -sha256 -hmac ledgerbridge-local-secret -binary | base64
     */
    private static final String ACTION_SIGNATURE = "FJqD+RcJGE9TR22J+HfAHsPEas3CJ5gieraHzzrOef0=";

    private static Clock clockAt(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    @Nested
    class PublishedVectors {

        /**
         * v1 example of HubSpot's "v1 request validation" doc, also asserted in HubSpot/hubspot-api-php
         * tests/Unit/Utils/SignatureTest.php and HubSpot/hubspot-api-nodejs test/unit/signature.spec.ts ("is valid v1").
         */
        @Test
        void shouldMatchHubSpotDocV1WebhookVector() {
            byte[] body = ("[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,"
                    + "\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,"
                    + "\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]").getBytes(UTF_8);
            String expected = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de";

            assertEquals(expected, HubSpotSignatures.signV1(body, DOC_SECRET));
            assertTrue(HubSpotSignatures.verifyV1(body, expected, DOC_SECRET).isValid());
        }

        /** v1 vector of HubSpot/hubspot-api-python tests/spec/utils/test_signature.py (test_get_signature__v1). */
        @Test
        void shouldMatchPythonClientV1Vector() {
            assertEquals("69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750",
                    HubSpotSignatures.signV1("{'example_field':'example_value'}".getBytes(UTF_8), DOC_SECRET));
        }

        /**
         * v2 GET example of HubSpot's "v2 request validation" doc, also in the PHP, Node ("is valid v2") and Python
         * (test_is_valid__v2_get_method) client tests.
         */
        @Test
        void shouldMatchHubSpotDocV2GetVector() {
            String expected = "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e";

            assertEquals(expected, HubSpotSignatures.signV2("GET", DOC_URI, new byte[0], DOC_SECRET));
            assertTrue(HubSpotSignatures.verifyV2("GET", DOC_URI, new byte[0], expected, DOC_SECRET).isValid());
        }

        /** v2 POST example of the same doc, also in the PHP and Node ("is valid v2 with body") client tests. */
        @Test
        void shouldMatchHubSpotDocV2PostVector() {
            byte[] body = "{\"example_field\":\"example_value\"}".getBytes(UTF_8);
            String expected = "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900";

            assertEquals(expected, HubSpotSignatures.signV2("POST", DOC_URI, body, DOC_SECRET));
            assertTrue(HubSpotSignatures.verifyV2("POST", DOC_URI, body, expected.toUpperCase(), DOC_SECRET).isValid());
        }

        /** v2 vector of HubSpot/hubspot-api-python tests/spec/utils/test_signature.py (test_get_signature__v2). */
        @Test
        void shouldMatchPythonClientV2Vector() {
            assertEquals("4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383",
                    HubSpotSignatures.signV2("POST", DOC_URI, "{'example_field':'example_value'}".getBytes(UTF_8),
                            DOC_SECRET));
        }

        /**
         * The only fixed v3 vector in HubSpot's official clients: HubSpot/hubspot-api-python
         * tests/spec/utils/test_signature.py (test_get_signature__v3), timestamp 15000000. The PHP and Node suites
         * sign v3 with the current time, so they publish no fixed value.
         */
        @Test
        void shouldMatchPythonClientV3Vector() {
            byte[] body = "{'example_field':'example_value'}".getBytes(UTF_8);
            String expected = "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=";

            assertEquals(expected, HubSpotSignatures.signV3("POST", DOC_URI, body, "15000000", DOC_SECRET));
            assertTrue(HubSpotSignatures.verifyV3("POST", DOC_URI, body, "15000000", expected, DOC_SECRET,
                    clockAt(15_000_000L + 1_000)).isValid());
        }
    }

    @Nested
    class V3 {

        @Test
        void shouldAcceptValidRequest() {
            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT + 2_000));

            assertEquals(SignatureOutcome.VALID, check.outcome());
            assertEquals(SignatureVersion.V3, check.version());
            assertEquals(ACTION_SIGNATURE, HubSpotSignatures.signV3("post", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    SECRET));
        }

        @Test
        void shouldRejectTamperedBody() {
            byte[] tampered = new String(ACTION_BODY, UTF_8).replace("40213377}", "40213378}").getBytes(UTF_8);

            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, tampered, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MISMATCH, check.outcome());
        }

        @Test
        void shouldRejectWrongSecret() {
            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, "another-app-secret", clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MISMATCH, check.outcome());
        }

        @Test
        void shouldRejectOtherUriOrMethod() {
            assertEquals(SignatureOutcome.MISMATCH, HubSpotSignatures.verifyV3("POST", ACTION_URI + "?x=1", ACTION_BODY,
                    SIGNED_AT_HEADER, ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT)).outcome());
            assertEquals(SignatureOutcome.MISMATCH, HubSpotSignatures.verifyV3("PUT", ACTION_URI, ACTION_BODY,
                    SIGNED_AT_HEADER, ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT)).outcome());
        }

        @Test
        void shouldAcceptTimestampExactlyFiveMinutesOld() {
            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT + 300_000));

            assertTrue(check.isValid());
        }

        @Test
        void shouldRejectTimestampFiveMinutesAndOneMillisecondOld() {
            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT + 300_001));

            assertEquals(SignatureOutcome.EXPIRED, check.outcome());
        }

        @Test
        void shouldTolerateSmallClockSkewButRejectFarFutureTimestamp() {
            assertTrue(HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER, ACTION_SIGNATURE,
                    SECRET, clockAt(SIGNED_AT - 5_000)).isValid());

            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT - 300_001));

            assertEquals(SignatureOutcome.EXPIRED, check.outcome());
        }

        @Test
        void shouldRejectNonNumericTimestampAsMalformed() {
            for (String timestamp : new String[] {"2026-03-02T10:00:00Z", "1772445600000.0", "-1", "+1772445600000",
                    "17724456e5", "99999999999999999999"}) {
                SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, timestamp,
                        ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT));

                assertEquals(SignatureOutcome.MALFORMED, check.outcome(), timestamp);
            }
        }

        @Test
        void shouldReportMissingHeaders() {
            assertEquals(SignatureOutcome.MISSING, HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, null,
                    ACTION_SIGNATURE, SECRET, clockAt(SIGNED_AT)).outcome());
            assertEquals(SignatureOutcome.MISSING, HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY,
                    SIGNED_AT_HEADER, " ", SECRET, clockAt(SIGNED_AT)).outcome());
        }

        @Test
        void shouldNeverPutTheExpectedSignatureIntoTheReason() {
            SignatureCheck check = HubSpotSignatures.verifyV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER,
                    "bm9wZQ==", SECRET, clockAt(SIGNED_AT));

            assertFalse(check.reason().contains(ACTION_SIGNATURE));
            assertFalse(check.reason().contains(SECRET));
        }

        @Test
        void shouldRefuseBlankSecret() {
            assertThrows(IllegalArgumentException.class,
                    () -> HubSpotSignatures.signV3("POST", ACTION_URI, ACTION_BODY, SIGNED_AT_HEADER, ""));
        }
    }

    @Nested
    class V3UriDecoding {

        private static final String RAW_URI = ACTION_URI + "?redirect=https%3A%2F%2Fapp.hubspot.com%2fcontacts"
                + "&name=O%27Brien%20%26%20Co%2A&list=a%2Cb%3Bc&q=%21%24%28x%29%40%3F&pct=100%25&hash=%23tag&plus=%2B1";
        /** {@code %20 %26 %25 %23 %2B} are not in HubSpot's table and stay encoded. */
        private static final String DECODED_URI = ACTION_URI + "?redirect=https://app.hubspot.com/contacts"
                + "&name=O'Brien%20%26%20Co*&list=a,b;c&q=!$(x)@?&pct=100%25&hash=%23tag&plus=%2B1";
        /**
         * Independent oracle: printf '%s' "POST${DECODED_URI}${BODY}1772445600000"
         * | openssl dgst -sha256 -hmac ledgerbridge-local-secret -binary | base64
         */
        private static final String SIGNATURE = "x6ddWEI+z0+kyEnkuyEnC4B+0zB9OgRhDIz3qENWtFM=";

        @Test
        void shouldDecodeOnlyTheEscapesOfHubSpotsTable() {
            assertEquals(DECODED_URI, HubSpotSignatures.canonicalV3Uri(RAW_URI));
        }

        @Test
        void shouldLeaveAnAlreadyDecodedUriUnchanged() {
            assertEquals(DECODED_URI, HubSpotSignatures.canonicalV3Uri(DECODED_URI));
        }

        @Test
        void shouldDecodeEveryTableEntryInEitherCase() {
            Map<String, String> table = new TreeMap<>(Map.ofEntries(Map.entry("%3A", ":"), Map.entry("%2F", "/"),
                    Map.entry("%3F", "?"), Map.entry("%40", "@"), Map.entry("%21", "!"), Map.entry("%24", "$"),
                    Map.entry("%27", "'"), Map.entry("%28", "("), Map.entry("%29", ")"), Map.entry("%2A", "*"),
                    Map.entry("%2C", ","), Map.entry("%3B", ";")));
            table.forEach((escape, character) -> {
                assertEquals("a" + character + "b", HubSpotSignatures.canonicalV3Uri("a" + escape + "b"), escape);
                assertEquals("a" + character + "b",
                        HubSpotSignatures.canonicalV3Uri("a" + escape.toLowerCase() + "b"), escape);
            });
        }

        @Test
        void shouldKeepOtherEscapesAndTruncatedOnes() {
            assertEquals("a%20b%26c%3Dd%25%2B%", HubSpotSignatures.canonicalV3Uri("a%20b%26c%3Dd%25%2B%"));
            assertEquals("x%3", HubSpotSignatures.canonicalV3Uri("x%3"));
            assertEquals("%253A", HubSpotSignatures.canonicalV3Uri("%253A"));
        }

        @Test
        void shouldVerifyRawUriAgainstSignatureOverDecodedUri() {
            assertEquals(SIGNATURE, HubSpotSignatures.signV3("POST", RAW_URI, ACTION_BODY, SIGNED_AT_HEADER, SECRET));
            assertTrue(HubSpotSignatures.verifyV3("POST", RAW_URI, ACTION_BODY, SIGNED_AT_HEADER, SIGNATURE, SECRET,
                    clockAt(SIGNED_AT)).isValid());
            assertTrue(HubSpotSignatures.verifyV3("POST", DECODED_URI, ACTION_BODY, SIGNED_AT_HEADER, SIGNATURE, SECRET,
                    clockAt(SIGNED_AT)).isValid());
        }

        @Test
        void shouldNotMatchWhenAnEscapeOutsideTheTableIsDecoded() {
            String spaceDecoded = DECODED_URI.replace("O'Brien%20%26%20Co", "O'Brien & Co");

            assertEquals(SignatureOutcome.MISMATCH, HubSpotSignatures.verifyV3("POST", spaceDecoded, ACTION_BODY,
                    SIGNED_AT_HEADER, SIGNATURE, SECRET, clockAt(SIGNED_AT)).outcome());
        }
    }

    @Nested
    class Verify {

        private final String v2 = HubSpotSignatures.signV2("POST", ACTION_URI, ACTION_BODY, SECRET);

        @Test
        void shouldUseV3WhenItsHeadersArePresent() {
            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    new SignatureHeaders(ACTION_SIGNATURE, SIGNED_AT_HEADER, v2, "v2"), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.VALID, check.outcome());
            assertEquals(SignatureVersion.V3, check.version());
        }

        @Test
        void shouldNotFallBackToV2WhenV3Fails() {
            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    new SignatureHeaders(ACTION_SIGNATURE, SIGNED_AT_HEADER, v2, "v2"), SECRET,
                    clockAt(SIGNED_AT + 600_000));

            assertEquals(SignatureOutcome.EXPIRED, check.outcome());
            assertEquals(SignatureVersion.V3, check.version());
        }

        @Test
        void shouldFallBackToV2WhenV3IsAbsent() {
            // Servers hand headers over case-insensitively; a TreeMap with that order stands in for them.
            Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            received.put("x-hubspot-signature", v2);
            received.put("x-hubspot-signature-version", "v2");

            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    SignatureHeaders.from(received::get), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.VALID, check.outcome());
            assertEquals(SignatureVersion.V2, check.version());
        }

        @Test
        void shouldReportTamperedV2AsMismatch() {
            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, "{}".getBytes(UTF_8),
                    new SignatureHeaders(null, null, v2, "v2"), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MISMATCH, check.outcome());
        }

        @Test
        void shouldReportMissingWhenNoSignatureHeaderIsPresent() {
            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    new SignatureHeaders(null, SIGNED_AT_HEADER, null, null), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MISSING, check.outcome());
        }

        @Test
        void shouldNotAcceptV1ForActionRequests() {
            String v1 = HubSpotSignatures.signV1(ACTION_BODY, SECRET);

            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    new SignatureHeaders(null, null, v1, "v1"), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MISSING, check.outcome());
        }

        @Test
        void shouldReportUnknownVersionAsMalformed() {
            SignatureCheck check = HubSpotSignatures.verify("POST", ACTION_URI, ACTION_BODY,
                    new SignatureHeaders(null, null, v2, "v9"), SECRET, clockAt(SIGNED_AT));

            assertEquals(SignatureOutcome.MALFORMED, check.outcome());
        }
    }
}
