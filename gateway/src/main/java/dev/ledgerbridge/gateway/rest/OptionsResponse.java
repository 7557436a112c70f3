package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ledgerbridge.gateway.service.OptionEntry;
import dev.ledgerbridge.gateway.service.OptionsPage;
import java.util.List;

/**
 * HubSpot's external-options answer: {@code {"options": [{"label","value","description"}], "after", "searchable"}}.
 *
 * @param after       cursor HubSpot sends back as {@code fetchOptions.after} for the next page; omitted on the last
 * @param description why the list is empty or possibly out of date; not part of HubSpot's documented answer (HubSpot
 *                    ignores it), it tells an operator or a test what the user was shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionsResponse(List<Option> options, String after, boolean searchable, String description) {

    /** The wire form of a page. */
    public static OptionsResponse of(OptionsPage page) {
        return new OptionsResponse(page.options().stream()
                .map(e -> new Option(e.label(), e.value(), e.description())).toList(), page.after(), true, page.notice());
    }

    /** One dropdown choice. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String label, String value, String description) {
    }
}
