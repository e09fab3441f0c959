package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.Ownership;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Any schema snapshot can be served, even one without the standard tables the seed rows go to. */
class CustomSchemaTest {
  static SystemSchema tiny() {
    Column id = new Column("new_widgetid", "Widget", ColumnType.ID, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED,
        true, false, List.of(), List.of(), true);
    Column name = new Column("new_name", "Name", ColumnType.TEXT, 20, null, null, null, RequiredLevel.NONE, true, true,
        List.of(), List.of(), true);
    Column code = new Column("new_code", "Code", ColumnType.TEXT, 10, null, null, null, RequiredLevel.NONE, true, true,
        List.of(), List.of(), true);
    Table widget = new Table("new_widget", "Widget", "new_widgets", "new_widgetid", "new_name", Ownership.ORGANIZATION,
        false, true, List.of(id, name, code), List.of(new AlternateKey("new_code_key", List.of("new_code"))));
    TreeMap<String, String> settings = new TreeMap<>();
    settings.put("maxuploadfilesize", "1024");
    return new SystemSchema("dynamics", List.of(widget), List.of(), settings);
  }

  @Test
  void tinySchemaIsServedWithItsRulesKeysAndBulkMessages() {
    try (DataverseEmulator dv = Emulators.start(Emulators.open().withSchema(tiny()))) {
      Http http = new Http(dv);
      assertEquals(204, http.patch("new_widgets(new_code='W-1')", "{\"new_name\":\"First\"}").status());
      assertEquals("0x80044331", http.post("new_widgets", "{\"new_name\":\"" + "x".repeat(21) + "\"}").code());
      assertEquals("0x80060892", http.post("new_widgets", "{\"new_name\":\"Dup\",\"new_code\":\"w-1\"}").code());
      assertEquals(200, http.post("new_widgets/Microsoft.Dynamics.CRM.CreateMultiple",
          "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.new_widget\",\"new_name\":\"B\"}]}").status());
      assertEquals(1024, http.get("organizations?$select=maxuploadfilesize").json().path("value").get(0).path("maxuploadfilesize").asInt());
      assertEquals(200, http.get("WhoAmI").status());
      assertEquals(2, dv.count("new_widget"));
    }
  }
}
