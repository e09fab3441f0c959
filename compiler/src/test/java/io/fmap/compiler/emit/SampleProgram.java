package io.fmap.compiler.emit;

import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.Dependency;
import io.fmap.compiler.ir.Expr;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Param;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.Routing;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.compiler.ir.Tier;
import io.fmap.compiler.ir.Type;
import io.fmap.compiler.ir.ValueMap;
import io.fmap.compiler.ir.Write;
import io.fmap.schema.AlternateKey;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Ownership;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A checked program built by hand, as the checker would build it from the LANGUAGE.md taste:
 * companies to accounts (self-reference in a second pass), contacts routed to leads or contacts,
 * deals through a value map. With {@code hostile} every name and string a user controls is one
 * that would break naive code generation.
 */
final class SampleProgram {

  private SampleProgram() {}

  static Span at(String file, int line) {
    return new Span(file, line, 1, line, 20, 0, 10);
  }

  static Expr.Field field(String name, Type type, String file, int line) {
    return new Expr.Field(name, List.of(), type, at(file, line));
  }

  static Expr.Literal text(String value, String file, int line) {
    return new Expr.Literal(value, Type.TEXT, at(file, line));
  }

  static Expr.Call call(String function, Type type, String file, int line, Expr... args) {
    return new Expr.Call(function, List.of(args), type, at(file, line));
  }

  static Assignment plain(Column column, Expr value, String file, int line) {
    return new Assignment(column, value, Write.PLAIN, Assignment.Phase.CREATE, false, at(file, line));
  }

  static Table table(String name, Column... columns) {
    return new Table(name, name, name + "s", name + "id", "name", Ownership.USER, false, false, List.of(columns), List.of());
  }

  static Program build(boolean hostile) {
    String companyFile = hostile ? "mappings/we\"ird\\u000a */ name.fmap" : "mappings/company.fmap";
    String contactFile = "mappings/contact.fmap";
    String dealFile = "mappings/deal.fmap";
    String nameField = hostile ? "class" : "name";
    String companyMapName = hostile ? "Company->\"account\" */ class" : "Company_to_account";
    String weirdText = hostile ? "\"); System.exit(1); //\\u0022 */ \u2028 ${x}" : "Imported: ";

    // ---- schemas ----
    Column sparkId = Column.of("id", ColumnType.ID);
    Column companyName = Column.of(nameField, ColumnType.TEXT);
    Column parentId = Column.of("parent_id", ColumnType.LOOKUP);
    Column ownerEmail = Column.of("owner_email", ColumnType.TEXT);
    Table company = table("Company", sparkId, companyName, parentId, ownerEmail);
    Column status = Column.of("status", ColumnType.TEXT);
    Column lastActivity = Column.of("last_activity_at", ColumnType.DATETIME);
    Column firstName = Column.of("first_name", ColumnType.TEXT);
    Column email = Column.of("email", ColumnType.TEXT);
    Column companyId = Column.of("company_id", ColumnType.LOOKUP);
    Table contact = table("Contact", sparkId, status, lastActivity, firstName, email, companyId, ownerEmail);
    List<OptionValue> stages = List.of(OptionValue.label("Lead In"), OptionValue.label("Won"),
        OptionValue.label(hostile ? "case \"x\": return 0;" : "Lost"));
    Column stage = new Column("stage", "stage", ColumnType.CHOICE, null, null, null, null, null, true, true, stages, List.of(), false);
    Column amount = Column.of("amount", ColumnType.DECIMAL);
    Table deal = table("Deal", sparkId, stage, amount, companyId);
    SystemSchema spark = new SystemSchema("spark", List.of(company, contact, deal), List.of(), null);

    Column sourceId = Column.of("fmap_sourceid", ColumnType.TEXT);
    Column accountName = new Column("name", "Account Name", ColumnType.TEXT, 160, null, null, null, null, true, true, List.of(), List.of(), false);
    Column parentAccount = new Column("parentaccountid", "Parent", ColumnType.LOOKUP, null, null, null, null, null, true, true,
        List.of(), List.of(new io.fmap.schema.LookupTarget("account", "parentaccountid")), false);
    Column ownerId = new Column("ownerid", "Owner", ColumnType.OWNER, null, null, null, null, null, true, true,
        List.of(), List.of(new io.fmap.schema.LookupTarget("systemuser", "ownerid")), false);
    Column tier = new Column(hostile ? "new_x\"tier" : "new_tier", "Tier", ColumnType.CHOICE, null, null, null, null, null, true, true,
        List.of(OptionValue.of(100000000, "Gold"), OptionValue.of(100000001, "Silver")), List.of(), true);
    Table account = table("account", sourceId, accountName, parentAccount, ownerId, tier);
    Column subject = Column.of("subject", ColumnType.TEXT);
    Column leadFirst = Column.of("firstname", ColumnType.TEXT);
    Column leadEmail = Column.of("emailaddress1", ColumnType.TEXT);
    Table lead = table("lead", sourceId, subject, leadFirst, leadEmail, ownerId);
    Column parentCustomer = new Column("parentcustomerid", "Company", ColumnType.CUSTOMER, null, null, null, null, null, true, true,
        List.of(), List.of(new io.fmap.schema.LookupTarget("account", "parentcustomerid_account")), false);
    Table contactT = table("contact", sourceId, leadFirst, leadEmail, parentCustomer, ownerId);
    Column salesStage = new Column("salesstage", "Sales Stage", ColumnType.CHOICE, null, null, null, null, null, true, true,
        List.of(OptionValue.of(0, "Qualify"), OptionValue.of(1, "Develop"), OptionValue.of(3, "Close")), List.of(), false);
    Column estimated = Column.of("estimatedvalue", ColumnType.MONEY);
    Column customer = new Column("customerid", "Customer", ColumnType.CUSTOMER, null, null, null, null, null, true, true,
        List.of(), List.of(new io.fmap.schema.LookupTarget("account", "customerid_account")), false);
    Table opportunity = table("opportunity", sourceId, salesStage, estimated, customer);
    SystemSchema dynamics = new SystemSchema("dynamics", List.of(account, lead, contactT, opportunity), List.of(), null);

    // ---- params and value maps ----
    Type.Choice stageType = new Type.Choice("spark.Deal.stage", stages);
    Type.Choice salesStageType = new Type.Choice("dynamics.opportunity.salesstage", salesStage.options());
    Param idleDays = new Param("lead_idle_days", Type.INT, 90L, Param.Origin.DEFAULT, at(contactFile, 1));
    String valueMapName = hostile ? "stage to \"sales\"" : "stage_to_salesstage";
    ValueMap stageMap = new ValueMap(valueMapName, "Deal", stage, "opportunity", salesStage, List.of(
        new ValueMap.Entry("Lead In", salesStage.options().get(0), at(dealFile, 2)),
        new ValueMap.Entry(stages.get(2).label(), salesStage.options().get(2), at(dealFile, 3))),
        Optional.of(salesStage.options().get(1)), at(dealFile, 1));

    // ---- maps ----
    Expr companyIdExpr = field("id", Type.ID, companyFile, 4);
    ObjectMap companyMap = new ObjectMap(companyMapName, company, account, Optional.empty(), false, Optional.empty(),
        List.of(plain(sourceId, companyIdExpr, companyFile, 4)), List.of(),
        List.of(
            plain(accountName, call("trim", Type.TEXT, companyFile, 5, field(nameField, Type.TEXT, companyFile, 5)), companyFile, 5),
            new Assignment(parentAccount, new Expr.Ref("Company", field("parent_id", Type.ID, companyFile, 6), List.of("account"),
                new Type.Lookup(List.of("account")), at(companyFile, 6)),
                new Write.Bind(List.of(new Write.Binding("account", "accounts", "parentaccountid"))),
                Assignment.Phase.SECOND_PASS, false, at(companyFile, 6)),
            new Assignment(ownerId, new Expr.Owner(field("owner_email", Type.TEXT, companyFile, 7), Type.OWNER, at(companyFile, 7)),
                new Write.Bind(List.of(new Write.Binding("systemuser", "systemusers", "ownerid"))),
                Assignment.Phase.CREATE, false, at(companyFile, 7)),
            plain(tier, new Expr.Literal("Gold", new Type.Choice("dynamics.account." + tier.name(), tier.options()), at(companyFile, 8)),
                companyFile, 8)),
        List.of(), List.of(), at(companyFile, 3));

    Expr isNew = new Expr.In(field("status", Type.TEXT, contactFile, 4),
        List.of(text("new", contactFile, 4), text(hostile ? "un\"qualified\\" : "unqualified", contactFile, 4)), Type.BOOL, at(contactFile, 4));
    Expr idle = new Expr.Binary(Expr.BinaryOp.GT,
        call("daysSince", Type.INT, contactFile, 4, field("last_activity_at", Type.DATETIME, contactFile, 4)),
        new Expr.ParamRef("lead_idle_days", Type.INT, at(contactFile, 4)), Type.BOOL, at(contactFile, 4));
    Expr when = new Expr.Binary(Expr.BinaryOp.OR, isNew, idle, Type.BOOL, at(contactFile, 4));
    Expr lowerEmail = call("lower", Type.TEXT, contactFile, 8, field("email", Type.TEXT, contactFile, 8));
    ObjectMap leadMap = new ObjectMap("Contact_to_lead", contact, lead, Optional.of(when), false, Optional.empty(),
        List.of(plain(sourceId, field("id", Type.ID, contactFile, 5), contactFile, 5)),
        List.of(new ObjectMap.Local("mail", lowerEmail, at(contactFile, 8))),
        List.of(
            plain(subject, new Expr.Binary(Expr.BinaryOp.CONCAT, text(weirdText, contactFile, 6),
                new Expr.Binary(Expr.BinaryOp.COALESCE, field("first_name", Type.TEXT, contactFile, 6),
                    text("(unknown)", contactFile, 6), Type.TEXT, at(contactFile, 6)), Type.TEXT, at(contactFile, 6)),
                contactFile, 6),
            new Assignment(leadEmail, new Expr.LocalRef("mail", Type.TEXT, at(contactFile, 9)), Write.PLAIN,
                Assignment.Phase.CREATE, true, at(contactFile, 9)),
            new Assignment(ownerId, new Expr.Owner(field("owner_email", Type.TEXT, contactFile, 10), Type.OWNER, at(contactFile, 10)),
                new Write.Bind(List.of(new Write.Binding("systemuser", "systemusers", "ownerid"))),
                Assignment.Phase.CREATE, false, at(contactFile, 10))),
        List.of(), List.of(), at(contactFile, 3));
    ObjectMap contactMap = new ObjectMap("Contact_to_contact", contact, contactT, Optional.empty(), true,
        Optional.of(new Expr.Unary(Expr.UnaryOp.NOT, new Expr.Binary(Expr.BinaryOp.EQ, field("email", Type.TEXT, contactFile, 13),
            new Expr.Literal(null, Type.NULL, at(contactFile, 13)), Type.BOOL, at(contactFile, 13)), Type.BOOL, at(contactFile, 13))),
        List.of(plain(sourceId, field("id", Type.ID, contactFile, 14), contactFile, 14)), List.of(),
        List.of(
            plain(leadFirst, field("first_name", Type.TEXT, contactFile, 15), contactFile, 15),
            new Assignment(parentCustomer, new Expr.Ref("Company", field("company_id", Type.ID, contactFile, 16), List.of("account"),
                new Type.Lookup(List.of("account")), at(contactFile, 16)),
                new Write.Bind(List.of(new Write.Binding("account", "accounts", "parentcustomerid_account"))),
                Assignment.Phase.CREATE, false, at(contactFile, 16)),
            new Assignment(ownerId, new Expr.Owner(field("owner_email", Type.TEXT, contactFile, 17), Type.OWNER, at(contactFile, 17)),
                new Write.Bind(List.of(new Write.Binding("systemuser", "systemusers", "ownerid"))),
                Assignment.Phase.CREATE, false, at(contactFile, 17))),
        List.of(), List.of(), at(contactFile, 12));
    ObjectMap dealMap = new ObjectMap("Deal_to_opportunity", deal, opportunity, Optional.empty(), false, Optional.empty(),
        List.of(plain(sourceId, field("id", Type.ID, dealFile, 6), dealFile, 6)), List.of(),
        List.of(
            plain(salesStage, new Expr.ValueMapApply(valueMapName, field("stage", stageType, dealFile, 7), salesStageType, at(dealFile, 7)),
                dealFile, 7),
            plain(estimated, new Expr.Binary(Expr.BinaryOp.MULTIPLY, field("amount", Type.DECIMAL, dealFile, 8),
                new Expr.Literal(new BigDecimal("1.19"), Type.DECIMAL, at(dealFile, 8)), Type.DECIMAL, at(dealFile, 8)), dealFile, 8),
            new Assignment(customer, new Expr.Ref("Company", field("company_id", Type.ID, dealFile, 9), List.of("account"),
                new Type.Lookup(List.of("account")), at(dealFile, 9)),
                new Write.Bind(List.of(new Write.Binding("account", "accounts", "customerid_account"))),
                Assignment.Phase.CREATE, false, at(dealFile, 9))),
        List.of(), List.of(), at(dealFile, 5));

    List<ObjectMap> maps = List.of(companyMap, leadMap, contactMap, dealMap);
    List<Routing> routings = List.of(
        new Routing("Company", List.of(companyMapName), true),
        new Routing("Contact", List.of("Contact_to_lead", "Contact_to_contact"), true),
        new Routing("Deal", List.of("Deal_to_opportunity"), true));
    List<Tier> tiers = List.of(new Tier(0, List.of("Company")), new Tier(1, List.of("Contact", "Deal")));
    List<Dependency> dependencies = List.of(
        new Dependency("Company", "Company", companyMapName, "parentaccountid", Dependency.Reason.REF, true, at(companyFile, 6)),
        new Dependency("Contact", "Company", "Contact_to_contact", "parentcustomerid", Dependency.Reason.REF, false, at(contactFile, 16)),
        new Dependency("Deal", "Company", "Deal_to_opportunity", "customerid", Dependency.Reason.REF, false, at(dealFile, 9)));
    List<SchemaChange> changes = List.of(
        new SchemaChange.NewColumn("account", tier, at(companyFile, 1)),
        new SchemaChange.NewKey("account", new AlternateKey("fmap_sourceid_key", List.of("fmap_sourceid")), at(companyFile, 4)));
    return new Program(List.of(idleDays), List.of(stageMap), maps, routings, tiers, dependencies, changes, spark, dynamics);
  }
}
