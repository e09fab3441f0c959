package io.fmap.cli;

/**
 * The files {@code fmap init} writes besides the mappings and schemas. fmap.yaml carries only keys
 * the loaders read (ProjectLoader: params, publisher_prefix, edition; SparkSourceLoader: spark;
 * DataverseConfigLoader: dataverse), each with a comment saying what it does.
 */
final class ProjectTemplate {
  private ProjectTemplate() {}

  /** fmap.yaml; {@code params} lists the standard set's param only when the project has its mappings. */
  static String fmapYaml(boolean standardMappings) {
    return """
      # fmap project settings. Mappings live in mappings/*.fmap; schemas/ holds the pinned
      # Spark CRM and Dynamics 365 schemas the checker types them against.

      # Where the Spark CRM records come from: exactly one of
      #   export: a folder holding a Spark export (schema.json, one .jsonl file per object)
      #   url:    the Spark export API, with the bearer token in the environment variable tokenEnv
      spark:
        export: spark-export
        # url: https://acme.sparkcrm.example/api/export
        # tokenEnv: FMAP_SPARK_TOKEN

      # The Dynamics 365 organisation to write into. Secrets never go in this file: each identity
      # names the environment variable that holds its client secret. Several identities spread the
      # load over their separate service-protection limits.
      # dataverse:
      #   url: https://contoso.crm4.dynamics.com
      #   tenant: 00000000-0000-0000-0000-000000000000
      #   identities:
      #     - clientId: 11111111-1111-1111-1111-111111111111
      #       secretEnv: FMAP_DATAVERSE_SECRET
      #   batchSize: 500
      #   bypassBusinessLogic: false

      # Values for the mappings' param declarations (name: value), checked against their types.
      params:%s

      # The customization prefix new columns and tables must carry (fmap_sourceid, fmap_tier, ...).
      publisher_prefix: fmap

      # professional caps custom tables at 15; enterprise has no cap.
      edition: professional

      # The ledger (what was written where, per record) is .fmap/ledger.db in this folder;
      # see docs/ledger.md for SQLite paths and PostgreSQL URLs.
      """.formatted(standardMappings ? "\n  lead_idle_days: 90" : " {}\n  # lead_idle_days: 90");
  }

  /** Ledger, approval-test leftovers and anything that might hold a secret stay out of git. */
  static final String GITIGNORE = """
      # fmap's ledger: per-record state of this migration, not source
      .fmap/
      # approval files a failed comparison leaves behind
      *.received.*
      # secrets belong in the environment, never in the repository
      .env
      *.secret
      *.pfx
      *.pem
      # generated code and build output
      target/
      """;

  static String readme(String name) {
    return """
        # %s

        A Spark CRM to Dynamics 365 Sales migration, written as fmap mappings.

        - `mappings/` — the .fmap files: one `map` per source object and target table
        - `schemas/` — the pinned Spark and Dynamics schemas the mappings are checked against
        - `fmap.yaml` — where the records come from and go to, params, publisher prefix

        Next steps:

            fmap check .          # type-check every mapping against both schemas
            fmap suggest          # draft mappings for source fields nothing maps yet
            fmap plan .           # what a run would do, for review and approval
        """.formatted(name);
  }
}
