package dev.ledgerbridge.sandbox.qbo.query;

import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Condition;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Literal;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Operator;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses QBO's query language: {@code SELECT * | COUNT(*) FROM Entity [WHERE p op v [AND ...]]
 * [ORDERBY p [ASC|DESC][, ...]] [STARTPOSITION n] [MAXRESULTS n]}. Keywords are case-insensitive, entity
 * names are not. Inside single quotes a backslash escapes the next character (contract.md). Syntax errors are
 * 4000; an unknown or non-filterable property is 4001.
 */
public final class QueryParser {

    private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int column) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private final List<Token> tokens;
    private int position;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code statement} or throws a {@link QboFault} (4000 syntax, 4001 property). */
    public static QboQuery parse(String statement) {
        if (statement == null || statement.isBlank()) {
            throw QboFault.queryParse("The query provided was empty");
        }
        return new QueryParser(tokenize(statement)).statement();
    }

    private QboQuery statement() {
        expectKeyword("select");
        boolean count;
        if (peek().isSymbol("*")) {
            next();
            count = false;
        } else if (peek().isKeyword("count")) {
            next();
            expectSymbol("(");
            expectSymbol("*");
            expectSymbol(")");
            count = true;
        } else {
            throw unexpected(peek(), "\"*\" or \"count(*)\" (projections are not supported)");
        }
        expectKeyword("from");
        Token entityToken = next();
        if (entityToken.kind() != Kind.WORD) {
            throw unexpected(entityToken, "an entity name");
        }
        QboEntityType entity = QboEntityType.byWireName(entityToken.text())
                .orElseThrow(() -> QboFault.queryParse("Invalid entity name \"" + entityToken.text()
                        + "\" at line 1, column " + entityToken.column() + " (entity names are case-sensitive)"));
        List<Condition> conditions = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        Integer start = null;
        Integer max = null;
        if (peek().isKeyword("where")) {
            next();
            conditions.add(condition(entity));
            while (peek().isKeyword("and")) {
                next();
                conditions.add(condition(entity));
            }
        }
        if (peek().isKeyword("orderby") || peek().isKeyword("order")) {
            if (next().isKeyword("order")) {
                expectKeyword("by");
            }
            do {
                String property = property(entity);
                boolean descending = false;
                if (peek().isKeyword("asc")) {
                    next();
                } else if (peek().isKeyword("desc")) {
                    next();
                    descending = true;
                }
                orders.add(new Order(property, descending));
            } while (acceptSymbol(","));
        }
        if (peek().isKeyword("startposition")) {
            next();
            start = integer();
        }
        if (peek().isKeyword("maxresults")) {
            next();
            max = integer();
            if (max < 1) {
                throw QboFault.queryParse("MAXRESULTS must be at least 1");
            }
        }
        if (start == null && peek().isKeyword("startposition")) {
            next();
            start = integer();
        }
        Token trailing = peek();
        if (trailing.kind() != Kind.END) {
            throw unexpected(trailing, "<EOF>, AND, ORDERBY, STARTPOSITION or MAXRESULTS");
        }
        return new QboQuery(entity, count, List.copyOf(conditions), List.copyOf(orders), start, max);
    }

    private Condition condition(QboEntityType entity) {
        String property = property(entity);
        Token op = next();
        Operator operator;
        if (op.isKeyword("in")) {
            expectSymbol("(");
            List<Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (acceptSymbol(","));
            expectSymbol(")");
            return new Condition(property, Operator.IN, List.copyOf(values));
        } else if (op.isKeyword("like")) {
            operator = Operator.LIKE;
        } else if (op.kind() == Kind.SYMBOL) {
            operator = switch (op.text()) {
                case "=" -> Operator.EQ;
                case "<" -> Operator.LT;
                case ">" -> Operator.GT;
                case "<=" -> Operator.LE;
                case ">=" -> Operator.GE;
                default -> throw unexpected(op, "an operator (=, <, >, <=, >=, IN, LIKE)");
            };
        } else {
            throw unexpected(op, "an operator (=, <, >, <=, >=, IN, LIKE)");
        }
        Literal value = literal();
        if (operator == Operator.LIKE && !value.quoted()) {
            throw QboFault.queryParse("LIKE needs a quoted string");
        }
        return new Condition(property, operator, List.of(value));
    }

    private String property(QboEntityType entity) {
        Token token = next();
        if (token.kind() != Kind.WORD) {
            throw unexpected(token, "a property name");
        }
        String name = token.text();
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (!entity.hasProperty(top)) {
            throw QboFault.queryValidation("Property " + name + " not found for Entity " + entity.wireName());
        }
        if (!entity.isFilterable(name)) {
            throw QboFault.queryValidation("property '" + name + "' is not queryable");
        }
        return name;
    }

    private Literal literal() {
        Token token = next();
        return switch (token.kind()) {
            case STRING -> new Literal(token.text(), true);
            case NUMBER -> new Literal(token.text(), false);
            case WORD -> {
                String lower = token.text().toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw unexpected(token, "a literal");
                }
                yield new Literal(lower, false);
            }
            default -> throw unexpected(token, "a literal");
        };
    }

    private int integer() {
        Token token = next();
        if (token.kind() != Kind.NUMBER || token.text().contains(".") || token.text().startsWith("-")) {
            throw unexpected(token, "an integer");
        }
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw unexpected(token, "an integer");
        }
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw unexpected(token, "\"" + keyword + "\"");
        }
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token, "\"" + symbol + "\"");
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private static QboFault unexpected(Token token, String expected) {
        String found = token.kind() == Kind.END ? "<EOF>" : "\"" + token.text() + "\"";
        return QboFault.queryParse("Encountered " + found + " at line 1, column " + token.column()
                + ". Was expecting " + expected);
    }

    private static List<Token> tokenize(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = statement.length();
        while (i < length) {
            char c = statement.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < length) {
                    char s = statement.charAt(i);
                    if (s == '\\') {
                        if (i + 1 >= length) {
                            break;
                        }
                        text.append(statement.charAt(i + 1));
                        i += 2;
                    } else if (s == '\'') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        text.append(s);
                        i++;
                    }
                }
                if (!closed) {
                    throw QboFault.queryParse("Lexical error at line 1, column " + column
                            + ". Unterminated string literal");
                }
                tokens.add(new Token(Kind.STRING, text.toString(), column));
            } else if (Character.isDigit(c)
                    || (c == '-' && i + 1 < length && Character.isDigit(statement.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < length && (Character.isDigit(statement.charAt(i)) || statement.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, statement.substring(start, i), column));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(statement.charAt(i))
                        || statement.charAt(i) == '_' || statement.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(start, i), column));
            } else if (c == '<' || c == '>') {
                if (i + 1 < length && statement.charAt(i + 1) == '=') {
                    tokens.add(new Token(Kind.SYMBOL, c + "=", column));
                    i += 2;
                } else {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), column));
                    i++;
                }
            } else if ("=*(),".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), column));
                i++;
            } else {
                throw QboFault.queryParse("Invalid content. Lexical error at line 1, column " + column
                        + ". Encountered: \"" + c + "\"");
            }
        }
        tokens.add(new Token(Kind.END, "", length + 1));
        return tokens;
    }
}
