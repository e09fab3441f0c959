package io.fmap.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.diag.Severity;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.compiler.ir.Type;
import io.fmap.compiler.ir.Write;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed program of the standard mapping set: what code generation and the plan rely on. */
class StandardProgramTest {
  private static CheckResult result;
  private static Program program;

  @BeforeAll
  static void check() throws IOException {
    result = Compiler.check(ProjectLoader.load(Path.of("../stdlib-mappings")));
    program = result.program().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
  }

  private static ObjectMap map(String name) {
    return program.map(name).orElseThrow(() -> new AssertionError("no map " + name));
  }

  private static Assignment assignment(String map, String column) {
    return map(map).assignments().stream().filter(a -> a.column().name().equals(column)).findFirst()
        .orElseThrow(() -> new AssertionError(map + " does not assign " + column));
  }

  @Test
  void standardSetHasNoErrorOrWarning() {
    assertTrue(result.diagnostics().stream().allMatch(d -> d.severity() == Severity.NOTE), result.diagnostics().toString());
  }

  @Test
  void companiesLoadBeforeTheContactsThatPointToThem() {
    assertTrue(tierOf("Company") < tierOf("Contact"), program.tiers().toString());
    assertTrue(program.routings().stream().map(r -> r.sourceObject()).toList().containsAll(List.of("Company", "Contact")));
  }

  private static int tierOf(String object) {
    return program.tiers().stream().filter(t -> t.objects().contains(object)).findFirst()
        .orElseThrow(() -> new AssertionError(object + " is in no tier")).number();
  }

  @Test
  void contactsAreRoutedToLeadsFirstThenToContacts() {
    var routing = program.routing("Contact").orElseThrow();
    assertEquals(List.of("Contact_to_lead", "Contact_to_contact"), routing.maps());
    assertTrue(routing.catchesAll());
    assertTrue(map("Contact_to_lead").when().isPresent());
    assertTrue(map("Contact_to_contact").otherwise());
  }

  @Test
  void parentAccountIsASecondPassSelfReference() {
    Assignment parent = assignment("Company_to_account", "parentaccountid");
    assertEquals(Assignment.Phase.SECOND_PASS, parent.phase());
    assertEquals(new Write.Bind(List.of(new Write.Binding("account", "accounts", "parentaccountid"))), parent.write());
    Dependency self = program.dependencies().stream().filter(d -> d.from().equals("Company") && d.to().equals("Company"))
        .findFirst().orElseThrow();
    assertTrue(self.twoPass());
  }

  @Test
  void customerLookupBindsThroughTheNavigationPropertyOfTheReferencedTable() {
    Assignment parent = assignment("Contact_to_contact", "parentcustomerid");
    assertEquals(Assignment.Phase.CREATE, parent.phase());
    assertEquals(new Write.Bind(List.of(new Write.Binding("account", "accounts", "parentcustomerid_account"))),
        parent.write());
  }

  @Test
  void ownerBindsToUsersOrTeams() {
    Write owner = assignment("Company_to_account", "ownerid").write();
    assertEquals(new Write.Bind(List.of(new Write.Binding("systemuser", "systemusers", "ownerid"),
        new Write.Binding("team", "teams", "ownerid"))), owner);
    assertTrue(assignment("Company_to_account", "ownerid").value() instanceof Expr.Owner);
  }

  @Test
  void valueMapResultIsAnOptionOfTheTargetColumn() {
    Expr industry = assignment("Company_to_account", "industrycode").value();
    assertTrue(industry instanceof Expr.ValueMapApply v && v.valueMap().equals("industry_to_industrycode"));
    assertTrue(industry.type() instanceof Type.Choice c && c.owner().equals("dynamics.account.industrycode"));
    var vm = program.valueMap("industry_to_industrycode").orElseThrow();
    assertEquals(16, vm.entries().stream().filter(e -> e.source().equals("Finance")).findFirst().orElseThrow()
        .target().value());
  }

  @Test
  void truncateGivesTextOfItsLengthAndCallsTheStdMethod() {
    Expr name = assignment("Company_to_account", "name").value();
    assertEquals(new Type.Text(160), name.type());
    assertTrue(name instanceof Expr.Call c && c.function().equals("truncate"));
  }

  @Test
  void nullFallbackToIgnoreLeavesTheColumnOut() {
    Assignment phone = assignment("Company_to_account", "telephone1");
    assertTrue(phone.unsetWhenNull());
    assertTrue(phone.value() instanceof Expr.Field f && f.field().equals("phone"));
  }

  @Test
  void keysGetAlternateKeysThatTheSchemaChangePlanCreates() {
    assertEquals("fmap_sourceid", map("Company_to_account").keys().get(0).column().name());
    assertTrue(program.schemaChanges().stream().anyMatch(c -> c instanceof SchemaChange.NewKey k
        && k.table().equals("account") && k.key().columns().equals(List.of("fmap_sourceid"))));
    assertTrue(program.target().table("account").orElseThrow().column("fmap_tier").isPresent());
    assertFalse(program.target().table("account").orElseThrow().keys().isEmpty());
  }

  @Test
  void paramsCarryTheirValue() {
    var param = program.param("lead_idle_days").orElseThrow();
    assertEquals(90L, param.value());
    assertEquals(Type.INT, param.type());
  }
}
