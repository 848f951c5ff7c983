import io.jfamfs.cli.DevModeCommand;
import picocli.CommandLine;

/** {@code famfs dev mode} without the rest of the command line (guest tests before the CLI wiring). */
public class DevMode {
    public static void main(String[] args) {
        System.exit(new CommandLine(new DevModeCommand()).execute(args));
    }
}
