package dev.ledgerbridge.documents.mapping;

import dev.ledgerbridge.documents.NewDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DocNumber pattern such as {@code HS-{objectId}} (domain brief 1.10): literal text plus the placeholders
 * {@code {objectId}}, {@code {objectType}} and {@code {portalId}}, filled from the HubSpot origin of the document.
 */
public final class DocNumberPattern {

    /** QBO's limit for DocNumber (Intuit XSD: "The maximum length for DocNumber is 21 characters"). */
    public static final int MAX_DOC_NUMBER_LENGTH = 21;

    private static final Set<String> PLACEHOLDERS = Set.of("objectId", "objectType", "portalId");
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    // Printable ASCII without spaces and without the brace characters outside placeholders.
    private static final Pattern LITERAL = Pattern.compile("[\\x21-\\x7A\\x7C\\x7E]*");

    private DocNumberPattern() {
    }

    /**
     * What is wrong with a pattern, empty when it is usable: unknown placeholders, characters other than printable
     * ASCII, or more literal text than leaves room in 21 characters.
     */
    public static List<String> problems(String pattern) {
        List<String> problems = new ArrayList<>();
        if (pattern == null || pattern.isBlank()) {
            problems.add("the pattern is empty");
            return problems;
        }
        Matcher tokens = TOKEN.matcher(pattern);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        boolean placeholder = false;
        while (tokens.find()) {
            literal.append(pattern, last, tokens.start());
            last = tokens.end();
            if (!PLACEHOLDERS.contains(tokens.group(1))) {
                problems.add("unknown placeholder {" + tokens.group(1) + "} (use {objectId}, {objectType} or {portalId})");
            }
            placeholder = true;
        }
        literal.append(pattern.substring(last));
        if (!LITERAL.matcher(literal).matches()) {
            problems.add("only printable characters without spaces or unpaired braces are allowed");
        }
        if (literal.length() >= MAX_DOC_NUMBER_LENGTH || (!placeholder && literal.length() > MAX_DOC_NUMBER_LENGTH)) {
            problems.add("the text around the placeholders leaves no room in QuickBooks' " + MAX_DOC_NUMBER_LENGTH
                    + " characters");
        }
        if (!placeholder) {
            problems.add("without a placeholder every document would get the same number");
        }
        return problems;
    }

    /** The pattern with its placeholders filled in from the document's HubSpot origin; may exceed 21 characters. */
    public static String render(String pattern, NewDocument.Source source) {
        return pattern.replace("{objectId}", source.objectId())
                .replace("{objectType}", source.objectType())
                .replace("{portalId}", Long.toString(source.portalId()));
    }
}
