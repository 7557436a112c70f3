package dev.ledgerbridge.quickbooks.intuitcheck;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Builds a record with EVERY component set (recursively), so a check against Intuit's model covers each field
 * the client can send, including fields added later. Test-only reflection.
 */
final class RecordFiller {

    /**
     * Values for fields that Intuit types as enums (a placeholder string would not be a valid enum constant),
     * keyed by "RecordSimpleName.component" or, for all records, by component name alone.
     */
    private static final Map<String, Object> OVERRIDES = Map.ofEntries(
            Map.entry("Item.type", "Service"),
            Map.entry("detailType", "SalesItemLineDetail"),
            Map.entry("emailStatus", "NeedToSend"),
            Map.entry("paymentType", "Cash"),
            Map.entry("billableStatus", "NotBillable"),
            Map.entry("Account.accountType", "Bank"),
            Map.entry("Account.classification", "Asset"),
            Map.entry("Term.type", "STANDARD"),
            Map.entry("txnStatus", "Pending"),
            Map.entry("taxExemptionReasonId", "1"),
            Map.entry("Ref.type", "Vendor"),
            Map.entry("CompanyInfo.fiscalYearStartMonth", "January"));

    private RecordFiller() {
    }

    static <T> T filled(Class<T> type) {
        return type.cast(build(type));
    }

    private static Object build(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = value(type, components[i]);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object value(Class<?> owner, RecordComponent component) {
        String name = component.getName();
        Object override = OVERRIDES.getOrDefault(owner.getSimpleName() + "." + name, OVERRIDES.get(name));
        if (override != null) {
            return override;
        }
        return sample(component.getType(), component.getGenericType(), name);
    }

    private static Object sample(Class<?> type, Type genericType, String name) {
        if (type == String.class) {
            return "sample-" + name;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1234.50");
        }
        if (type == Integer.class) {
            return 3;
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 2);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse("2026-03-02T09:17:31-08:00");
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            Class<?> elementClass = (Class<?>) element;
            return List.of(sample(elementClass, elementClass, name));
        }
        if (type.isRecord()) {
            return build(type);
        }
        throw new IllegalStateException("no sample value for " + type.getName() + " " + name);
    }
}
