package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The file pass's writes (a note's {@code documentbody} alone, on a note the load made) against the emulator,
 * counted: one request per chunk of the batch size (10 here), and no request with more than
 * {@link DataverseTargetConnector#FILE_CHARS_PER_REQUEST} of bodies.
 */
class FileBodyWritesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void smallBodiesGoOneRequestPerChunkOfTheBatchSize() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      List<RowWrite> bodies = new ArrayList<>();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        UUID note = dv.seed("annotation", JSON.readTree("{\"subject\":\"note " + i + "\",\"isdocument\":true}"));
        String body = Base64.getEncoder().encodeToString(("file " + i + " ").repeat(200).getBytes());
        sent.add(body);
        bodies.add(new RowWrite("fil-" + i, new RowAddress.ById(note), Map.of("documentbody", body)));
      }
      askWhichBulkMessagesNotesTake(dv, target);
      long before = dv.stats().requests();
      List<WriteResult> results = target.write("annotation", bodies);
      assertTrue(results.stream().allMatch(WriteResult::ok), results.toString());
      assertEquals(3, dv.stats().requests() - before, "25 bodies in three chunks of at most 10, not 25 requests");
      for (int i = 0; i < bodies.size(); i++) {
        UUID note = ((RowAddress.ById) bodies.get(i).address()).id();
        assertEquals(sent.get(i), dv.row("annotation", note).orElseThrow().path("documentbody").asText());
      }
    }
  }

  @Test
  void aBodyTooBigForOneRequestReplacesTheFileOfTheNoteTheLoadMade() throws Exception {
    // Over 4 Mi characters of Base64 and within the org's limit: it goes in blocks, and the note
    // exists already (the file pass's case). It used to be taken as done and never sent.
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      UUID note = dv.seed("annotation", JSON.readTree("{\"subject\":\"scan\",\"isdocument\":true,\"documentbody\":\"b2xk\"}"));
      String body = Base64.getEncoder().encodeToString(new byte[3_400_000]); // 4.53 million characters
      List<WriteResult> results = target.write("annotation", List.of(new RowWrite("fil-big", new RowAddress.ById(note),
          Map.of("documentbody", body))));
      assertTrue(results.get(0).ok(), results.toString());
      assertEquals(body, dv.row("annotation", note).orElseThrow().path("documentbody").asText());
    }
  }

  @Test
  void bodiesAreCutIntoRequestsOfAtMostTheirShareOfCharacters() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      int size = 3_000_000; // Base64 characters: inline (under a block), and three of them over the request's share
      List<RowWrite> bodies = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        UUID note = dv.seed("annotation", JSON.readTree("{\"subject\":\"big " + i + "\",\"isdocument\":true}"));
        bodies.add(new RowWrite("fil-" + i, new RowAddress.ById(note), Map.of("documentbody",
            Base64.getEncoder().encodeToString(new byte[size / 4 * 3 - i * 3]))));
      }
      bodies.add(new RowWrite("fil-small", new RowAddress.ById(dv.seed("annotation", JSON.readTree("{\"subject\":\"s\"}"))),
          Map.of("subject", "no body")));
      io.fmap.schema.Table notes = table(target);
      List<PreparedRow> prepared = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) prepared.add(RowBodies.prepare(notes, i, bodies.get(i))[0]);
      assertEquals(List.of(2, 2), target.writeChunks(prepared).stream().map(List::size).toList(),
          "two bodies of 3 million characters fit in 8 Mi, a third does not");

      askWhichBulkMessagesNotesTake(dv, target);
      long before = dv.stats().requests();
      List<WriteResult> results = target.write("annotation", bodies);
      assertTrue(results.stream().allMatch(WriteResult::ok), results.toString());
      assertEquals(2, dv.stats().requests() - before);
      for (int i = 0; i < 3; i++) {
        UUID note = ((RowAddress.ById) bodies.get(i).address()).id();
        assertEquals(size - i * 4, dv.row("annotation", note).orElseThrow().path("documentbody").asText().length());
      }
    }
  }

  /** The connector asks once per table, when it first writes more than one row; chunks in parallel may both ask. */
  private static void askWhichBulkMessagesNotesTake(DataverseEmulator dv, DataverseTargetConnector target)
      throws Exception {
    List<RowWrite> two = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      two.add(new RowWrite("first-" + i, new RowAddress.ById(dv.seed("annotation", JSON.readTree("{\"subject\":\"f\"}"))),
          Map.of("subject", "asked")));
    }
    assertTrue(target.write("annotation", two).stream().allMatch(WriteResult::ok));
  }

  private static io.fmap.schema.Table table(DataverseTargetConnector target) throws Exception {
    return new SchemaPuller(target.clients().get(0)).pull(List.of("annotation")).table("annotation").orElseThrow();
  }

  private static DataverseTargetConnector connector(DataverseEmulator dv) throws Exception {
    return EmulatorConnector.open(dv, 10, "annotation");
  }
}
