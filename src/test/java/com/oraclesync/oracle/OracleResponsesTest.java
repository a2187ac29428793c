package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.mapping.ColumnType;
import com.oraclesync.mapping.ItemMapper;
import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.mapping.MappedItem;
import com.oraclesync.resource.SyncResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The one-pass reader of a sync's page: the field mapping applied while parsing, each item's own text kept. */
class OracleResponsesTest {

    private static final OracleLimits LIMITS = new OracleLimits(DataSize.ofMegabytes(64), Duration.ofMinutes(5),
            20_000_000, 500);
    private static final List<ColumnMapping> COLUMNS = List.of(
            new ColumnMapping("remote_id", "OptyId", ColumnType.INTEGER),
            new ColumnMapping("name", "Name", ColumnType.TEXT),
            new ColumnMapping("deal_value", "Revenue", ColumnType.NUMERIC),
            new ColumnMapping("close_date", "EffectiveDate", ColumnType.DATE),
            new ColumnMapping("notes", "Notes", ColumnType.TEXT),
            new ColumnMapping("oracle_updated_at", "LastUpdateDate", ColumnType.TIMESTAMPTZ));

    private final OracleResponses responses = responses();

    @Test
    void everyItemsPayloadIsItsOwnTextExactlyAcrossBufferBoundaries() {
        // given: items of several kilobytes with multi-byte text, whitespace and nested links, in a body far larger
        // than the parser's and the recorder's buffers
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            items.add("{ \"OptyId\" : " + i + ",\n  \"Name\": \"Opportunité " + i + " 日本 \uD83D\uDE80\","
                    + " \"Notes\": \"" + "x\\ty\\\"z ".repeat(i * 40) + "\","
                    + " \"links\": [{\"rel\": \"self\", \"href\": \"https://h/x/" + i + "\"}],"
                    + " \"LastUpdateDate\": \"2024-01-16T13:08:00." + String.format("%03d", i) + "+02:00\" }");
        }
        String body = "\uFEFF{\"items\": [" + String.join(" ,\n", items)
                + "], \"count\": 120, \"hasMore\": true, \"limit\": 500, \"offset\": 0, \"totalResults\": 9000,"
                + " \"links\": [{\"rel\": \"next\"}]}";

        // when
        OraclePage<MappedItem> page = rows(body);

        // then
        assertThat(page.items()).hasSize(120);
        assertThat(page.more()).isTrue();
        assertThat(page.totalResults()).isEqualTo(9000L);
        assertThat(page.count()).isEqualTo(120);
        for (int i = 0; i < items.size(); i++) {
            MappedItem.Row row = (MappedItem.Row) page.items().get(i);
            assertThat(row.payload()).isEqualTo(items.get(i));
            assertThat(row.values()[1]).isEqualTo("Opportunité " + (i + 1) + " 日本 \uD83D\uDE80");
            assertThat(row.values()[4]).isEqualTo("x\ty\"z ".repeat((i + 1) * 40));
            assertThat(row.position()).isEqualTo(new KeysetPosition(
                    OffsetDateTime.parse("2024-01-16T13:08:00." + String.format("%03d", i + 1) + "+02:00"), i + 1));
        }
    }

    @Test
    void valuesBecomeTheTextPostgresReadsAsTheColumnTypeConvertsThem() {
        // when
        MappedItem.Row row = (MappedItem.Row) single("{\"OptyId\": \"42\", \"Name\": 1.5e3, \"Revenue\": \" 12.50 \","
                + " \"EffectiveDate\": \"2024-03-01T10:00:00Z\", \"Notes\": {\"a\": [1, 2]},"
                + " \"LastUpdateDate\": \"2024-01-16T13:08:00.123Z\", \"Unmapped\": {\"deep\": [{}]}}");

        // then
        assertThat(row.values()).containsExactly("42", "1500", "12.50", "2024-03-01", "{\"a\": [1, 2]}",
                "2024-01-16T13:08:00.123Z");
    }

    @Test
    void blankAndNullAndMissingValuesAreNull() {
        MappedItem.Row row = (MappedItem.Row) single("{\"OptyId\": 7, \"Name\": \"  \", \"Revenue\": null,"
                + " \"LastUpdateDate\": \"2024-01-16T13:08:00Z\"}");

        assertThat(row.values()).containsExactly("7", null, null, null, null, "2024-01-16T13:08Z");
    }

    @Test
    void anInvalidValueRejectsTheItemNamingTheFieldAndKeepingItsPosition() {
        String item = "{\"OptyId\": 7, \"Revenue\": true, \"EffectiveDate\": \"2024-02-30\","
                + " \"LastUpdateDate\": \"2024-01-16T13:08:00Z\"}";

        MappedItem.Rejected rejected = (MappedItem.Rejected) single(item);

        // the first column of the mapping that fails is named, whatever the order of the item's fields
        assertThat(rejected.reason()).isEqualTo("Revenue not a valid numeric (value: 'true')");
        assertThat(rejected.remoteId()).isEqualTo("7");
        assertThat(rejected.payload()).isEqualTo(item);
        assertThat(rejected.position()).isEqualTo(new KeysetPosition(OffsetDateTime.parse("2024-01-16T13:08:00Z"), 7));
    }

    @Test
    void aMissingKeyRejectsTheItemWithoutAPosition() {
        MappedItem.Rejected rejected = (MappedItem.Rejected) single("{\"OptyId\": \"\", \"LastUpdateDate\": \"2024-01-16T13:08:00Z\"}");

        assertThat(rejected.reason()).isEqualTo("OptyId is missing (value: '')");
        assertThat(rejected.position()).isNull();
    }

    @Test
    void aRepeatedFieldCountsByItsLastValue() {
        MappedItem item = single("{\"OptyId\": 7, \"Revenue\": \"bad\", \"Revenue\": 5,"
                + " \"LastUpdateDate\": \"2024-01-16T13:08:00Z\"}");

        assertThat(((MappedItem.Row) item).values()[2]).isEqualTo("5");
    }

    @Test
    void aPageOfAnotherShapeIsAnErrorNeverAnEmptyPage() {
        assertThatThrownBy(() -> rows("{\"items\": {\"OptyId\": 1}}"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("'items' is not an array");
        assertThatThrownBy(() -> rows("{\"items\": [\"x\"]}"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("item 1 of 'items' is not a JSON object");
        assertThatThrownBy(() -> rows("{\"items\": [{\"OptyId\": 1}], \"hasMore\": \"perhaps\"}"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("'hasMore' is not true or false");
        assertThatThrownBy(() -> rows("{\"items\": [{\"OptyId\": 1, \"Name\": \"cut"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("not a valid JSON page");
        assertThatThrownBy(() -> rows("[]"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> rows("{\"count\": 0}"))
                .isInstanceOf(OracleResponseException.class).hasMessageContaining("without an 'items' array");
    }

    @Test
    void aReconcilePageIsReadAsPlainItemsWithExactNumbers() throws Exception {
        OraclePage<Map<String, Object>> page = responses.readItems(stream("{\"items\": [{\"OptyId\": 3},"
                + " {\"OptyId\": 2.5}], \"hasMore\": false}"), "application/json");

        assertThat(page.items()).extracting(item -> item.get("OptyId")).containsExactly(3L, new java.math.BigDecimal("2.5"));
        assertThat(page.more()).isFalse();
    }

    private MappedItem single(String item) {
        return rows("{\"items\": [" + item + "]}").items().get(0);
    }

    private OraclePage<MappedItem> rows(String body) {
        try {
            return responses.readRows(stream(body), "application/json; charset=utf-8");
        } catch (OracleLimitExceededException e) {
            throw new AssertionError(e);
        }
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static OracleResponses responses() {
        SyncResource resource = new SyncResource("opportunities", "oracle_opportunities", "opportunities",
                "http://127.0.0.1/opportunities", "test", "OptyId", "LastUpdateDate", "opportunities", "remote_id",
                "oracle_updated_at", COLUMNS, List.of(), null, "0 0 0 * * ?", "0 0 3 ? * SUN", 500, 500, Map.of(),
                "sql/opportunities");
        return new OracleResponses(resource.resourceUrl(), new ItemMapper(resource),
                new OracleJsonConfiguration().oracleObjectMapper(LIMITS), LIMITS);
    }
}
