package io.fmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** The PATH... arguments of verbs that read .fmap files: present, and every one existing. */
final class PathArguments {

  private PathArguments() {}

  static List<Path> existing(CommandLine commandLine, List<Path> paths, String example) {
    if (paths == null || paths.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine,
          "Missing a path: give a folder of .fmap files or a .fmap file, e.g. " + example);
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(commandLine,
            "No such file or folder: " + path + " (paths are relative to " + Path.of("").toAbsolutePath() + ")");
      }
    }
    return List.copyOf(paths);
  }
}
