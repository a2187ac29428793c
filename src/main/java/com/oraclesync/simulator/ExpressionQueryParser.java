package com.oraclesync.simulator;

import com.oraclesync.simulator.ExpressionTokenizer.Token;
import com.oraclesync.simulator.ExpressionTokenizer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Oracle's {@code q} expression syntax (REST framework version 2 and later), by recursive descent:
 * <pre>
 * or        := and ("or" and)*
 * and       := primary ("and" primary)*
 * primary   := "(" or ")" | condition
 * condition := Field op literal | Field LIKE 'text' | Field IS [NOT] NULL | Field IN (literal, ...)
 * </pre>
 */
final class ExpressionQueryParser {

    private final Set<String> knownFields;
    private List<Token> tokens;
    private int next;

    ExpressionQueryParser(Set<String> knownFields) {
        this.knownFields = knownFields;
    }

    Filter parse(String q) {
        tokens = ExpressionTokenizer.tokenize(q);
        next = 0;
        Filter filter = or();
        if (peek().type() != Type.END) {
            throw malformed("expected 'and', 'or' or the end of q but found " + peek().describe());
        }
        return filter;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("OR")) {
            next++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(primary()));
        while (peek().isKeyword("AND")) {
            next++;
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter primary() {
        if (peek().type() == Type.OPEN) {
            next++;
            Filter inner = or();
            expect(Type.CLOSE, "')'");
            return inner;
        }
        return condition();
    }

    private Filter condition() {
        Token fieldToken = expect(Type.WORD, "a field name");
        String field = fieldToken.text();
        if (!knownFields.contains(field)) {
            throw QueryException.unknownField("q", field);
        }
        Token token = take();
        if (token.type() == Type.OPERATOR) {
            return new Filter.Comparison(field, operator(token.text()), literal());
        }
        if (token.isKeyword("LIKE")) {
            return Filter.Like.of(field, expect(Type.STRING, "a quoted LIKE pattern").text());
        }
        if (token.isKeyword("IS")) {
            boolean not = peek().isKeyword("NOT");
            if (not) {
                next++;
            }
            if (!take().isKeyword("NULL")) {
                throw malformed("expected NULL after IS" + (not ? " NOT" : "") + " for " + field);
            }
            return new Filter.NullCheck(field, !not);
        }
        if (token.isKeyword("IN")) {
            expect(Type.OPEN, "'(' after IN");
            List<Literal> values = new ArrayList<>(List.of(literal()));
            while (peek().type() == Type.COMMA) {
                next++;
                values.add(literal());
            }
            expect(Type.CLOSE, "')' closing IN");
            return new Filter.In(field, values);
        }
        throw malformed("expected an operator after " + field + " but found " + token.describe());
    }

    private Literal literal() {
        Token token = take();
        if (token.type() == Type.STRING) {
            return Literal.of(token.text());
        }
        if (token.type() == Type.NUMBER && Literal.parseNumber(token.text()) != null) {
            return Literal.of(token.text());
        }
        throw malformed("expected a quoted string or a number but found " + token.describe());
    }

    private static Filter.Operator operator(String symbol) {
        return switch (symbol) {
            case "=" -> Filter.Operator.EQ;
            case "!=", "<>" -> Filter.Operator.NE;
            case ">" -> Filter.Operator.GT;
            case ">=" -> Filter.Operator.GE;
            case "<" -> Filter.Operator.LT;
            default -> Filter.Operator.LE;
        };
    }

    private Token expect(Type type, String what) {
        Token token = take();
        if (token.type() != type) {
            throw malformed("expected " + what + " but found " + token.describe());
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.type() != Type.END) {
            next++;
        }
        return token;
    }

    private static QueryException malformed(String problem) {
        return new QueryException("Malformed q: " + problem);
    }
}
