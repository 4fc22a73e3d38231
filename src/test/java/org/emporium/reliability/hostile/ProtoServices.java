package org.emporium.reliability.hostile;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every method of every service in {@code src/main/proto}, from the descriptors generated for each file. */
public final class ProtoServices {

  static final Path DIR = Path.of("src/main/proto");
  private static final Pattern OPTION = Pattern.compile("option (java_package|java_outer_classname) = \"([^\"]+)\";");

  private ProtoServices() {
  }

  public static List<Path> files() {
    try (Stream<Path> walk = Files.walk(DIR)) {
      return walk.filter(p -> p.toString().endsWith(".proto")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<MethodDescriptor> methods() {
    List<MethodDescriptor> methods = new ArrayList<>();
    for (Path file : files()) {
      FileDescriptor descriptor = descriptor(file);
      descriptor.getServices().forEach(service -> methods.addAll(service.getMethods()));
    }
    return methods;
  }

  private static FileDescriptor descriptor(Path file) {
    try {
      String text = Files.readString(file);
      Matcher option = OPTION.matcher(text);
      String javaPackage = null;
      String outer = null;
      while (option.find()) {
        if (option.group(1).equals("java_package")) {
          javaPackage = option.group(2);
        } else {
          outer = option.group(2);
        }
      }
      Class<?> type = Class.forName(javaPackage + "." + outer);
      return (FileDescriptor) type.getMethod("getDescriptor").invoke(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("No generated descriptor for " + file, e);
    }
  }
}
