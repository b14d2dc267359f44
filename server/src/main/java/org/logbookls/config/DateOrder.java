package org.logbookls.config;

/** How numeric dates such as {@code 03/04/2024} are read: inferred per file, or fixed by the user. */
public enum DateOrder {
    AUTO("auto"),
    DAY_FIRST("day-first"),
    MONTH_FIRST("month-first");

    private final String id;

    DateOrder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static java.util.Optional<DateOrder> fromId(String id) {
        for (DateOrder order : values()) {
            if (order.id.equals(id)) {
                return java.util.Optional.of(order);
            }
        }
        return java.util.Optional.empty();
    }
}
