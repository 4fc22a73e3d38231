package org.emporium;

import java.nio.file.Path;

/** The command line: {@code [run|migrate] [--profile P] [--roles R1,R2] [--conf FILE]}. */
record CommandLine(String command, String profile, String roles, Path conf, boolean help) {

  static final String USAGE = """
      usage: emporium [run|migrate] [--profile NAME] [--roles ROLE,...] [--conf FILE]
        run        start a node and keep it running until SIGTERM (default)
        migrate    apply the database migrations and exit
        --profile  configuration profile, conf/<NAME>.json (default: EMPORIUM_PROFILE or local)
        --roles    roles to deploy, from verticles/roles/ (default: EMPORIUM_ROLES or all)
        --conf     extra JSON configuration file laid over the profile""";

  static CommandLine parse(String[] args) {
    String command = "run";
    String profile = null;
    String roles = null;
    Path conf = null;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "run", "migrate" -> command = arg;
        case "--profile" -> profile = value(args, ++i, arg);
        case "--roles" -> roles = value(args, ++i, arg);
        case "--conf" -> conf = Path.of(value(args, ++i, arg));
        case "-h", "--help", "help" -> help = true;
        default -> {
          if (arg.startsWith("--") && arg.contains("=")) {
            String[] pair = arg.split("=", 2);
            String[] rest = {pair[0], pair[1]};
            CommandLine inner = parse(rest);
            profile = inner.profile != null ? inner.profile : profile;
            roles = inner.roles != null ? inner.roles : roles;
            conf = inner.conf != null ? inner.conf : conf;
          } else {
            throw new IllegalArgumentException("unknown argument '" + arg + "'");
          }
        }
      }
    }
    return new CommandLine(command, profile, roles, conf, help);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
