package dev.ledgerbridge.catalog;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised form under which names and SKUs are compared (R10): trimmed, Unicode NFC and case-folded, so
 * that HubSpot's "annual subscription " or a decomposed "Zoe\u0308" match QBO's "Annual Subscription" or "Zoë".
 * The mirror's {@code catalog_item.name_key} column (issue 5) holds exactly this key.
 */
public final class MatchKey {

    private MatchKey() {
    }

    /** The comparison key of a name or SKU; null for null or blank input, which can never match. */
    public static String of(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        // Upper then lower approximates Unicode case folding (e.g. "ß" and "SS" meet at "ss"), which Java lacks;
        // case mapping can leave text unnormalised, hence the second NFC.
        String folded = trimmed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /**
     * The spellings to ask QBO for: the trimmed value in NFC and in NFD. QBO compares without Unicode
     * normalisation (case is ignored there, and confirmed here with {@link #of}), so both composed and decomposed
     * stored names are found whichever form HubSpot sent. Empty for null or blank input.
     */
    public static Set<String> querySpellings(String value) {
        Set<String> spellings = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return spellings;
        }
        String trimmed = value.strip();
        spellings.add(Normalizer.normalize(trimmed, Normalizer.Form.NFC));
        spellings.add(Normalizer.normalize(trimmed, Normalizer.Form.NFD));
        return spellings;
    }
}
