package cm.vigie.plan.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonDiffTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void reportsChangedAddedAndRemovedFieldsByJsonPointer() throws Exception {
        List<FieldChange> changes = JsonDiff.between(
                json("{\"title\":\"a\",\"objectives\":[{\"target\":25}],\"owner\":\"cm\",\"a/b\":1}"),
                json("{\"title\":\"b\",\"objectives\":[{\"target\":20},{\"target\":5}],\"keyMessages\":[],\"a/b\":1}"));
        assertEquals(List.of("/title", "/objectives/0/target", "/objectives/1", "/owner", "/keyMessages"),
                changes.stream().map(FieldChange::path).toList());
        assertEquals(List.of(FieldChange.Kind.CHANGED, FieldChange.Kind.CHANGED, FieldChange.Kind.ADDED,
                FieldChange.Kind.REMOVED, FieldChange.Kind.ADDED), changes.stream().map(FieldChange::kind).toList());
        assertEquals(25, changes.get(1).before().asInt());
        assertEquals(20, changes.get(1).after().asInt());
    }

    @Test
    void identicalDocumentsHaveNoChangeAndNullEqualsAbsent() throws Exception {
        assertEquals(List.of(), JsonDiff.between(json("{\"a\":[1,{\"b\":null}]}"), json("{\"a\":[1,{}]}")));
    }

    @Test
    void pointerSegmentsAreEscaped() throws Exception {
        assertEquals("/a~1b~0c", JsonDiff.between(json("{\"a/b~c\":1}"), json("{\"a/b~c\":2}")).get(0).path());
    }
}
