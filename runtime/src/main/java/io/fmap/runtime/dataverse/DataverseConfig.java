package io.fmap.runtime.dataverse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How fmap reaches one Dataverse org: the {@code dataverse:} section of {@code fmap.yaml}.
 *
 * @param url                   the org, e.g. {@code https://contoso.crm4.dynamics.com}
 * @param apiVersion            Web API version in the URL ({@code v9.2})
 * @param tokenUrl              OAuth 2.0 token endpoint (Entra ID's v2.0 endpoint for the tenant by default)
 * @param scope                 requested scope ({@code <url>/.default} by default)
 * @param identities            application users to write as; at least one
 * @param batchSize             rows per bulk message or {@code $batch}
 * @param maxParallelism        concurrent requests per identity, at most
 * @param bypassBusinessLogic   send {@code MSCRM.BypassBusinessLogicExecution: CustomSync,CustomAsync}
 * @param suppressPowerAutomate send {@code MSCRM.SuppressCallbackRegistrationExpanderJob: true}
 * @param solution              unmanaged solution that receives schema changes ({@code MSCRM.SolutionUniqueName}), or null
 */
public record DataverseConfig(URI url, String apiVersion, URI tokenUrl, String scope, List<Identity> identities,
                              int batchSize, int maxParallelism, boolean bypassBusinessLogic,
                              boolean suppressPowerAutomate, String solution) {

  public static final String DEFAULT_API_VERSION = "v9.2";
  public static final int DEFAULT_BATCH_SIZE = 500;
  /** Dataverse's documented concurrency limit per user is 52; staying below leaves room for other clients. */
  public static final int DEFAULT_MAX_PARALLELISM = 16;

  public DataverseConfig {
    identities = List.copyOf(identities);
    if (identities.isEmpty()) throw new IllegalArgumentException("at least one identity is needed");
    if (batchSize < 1 || batchSize > 1000) throw new IllegalArgumentException("batchSize must be 1..1000");
    if (maxParallelism < 1) throw new IllegalArgumentException("maxParallelism must be at least 1");
  }

  /** {@code https://org/api/data/v9.2/}: every resource path is resolved against it. */
  public String apiRoot() {
    String base = url.toString().replaceAll("/+$", "");
    return base + "/api/data/" + apiVersion + "/";
  }

  /**
   * What an audit log must record about this run's configuration: each switch that changes how the
   * org treats fmap's writes. Empty when none is on.
   */
  public List<String> auditNotes() {
    List<String> notes = new ArrayList<>();
    if (bypassBusinessLogic) notes.add("bypass on: MSCRM.BypassBusinessLogicExecution=CustomSync,CustomAsync"
        + " (custom plug-ins and workflows do not run for migrated rows)");
    if (suppressPowerAutomate) notes.add("bypass on: MSCRM.SuppressCallbackRegistrationExpanderJob=true"
        + " (Power Automate flows are not triggered by migrated rows)");
    return notes;
  }
}
