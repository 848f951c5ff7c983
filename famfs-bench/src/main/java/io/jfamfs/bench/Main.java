package io.jfamfs.bench;

import java.util.Arrays;

/**
 * Entry point of the benchmark jar: {@code java -jar jfamfs-bench.jar COMMAND ARGS...}.
 * <pre>
 *   mapread-setup DEVICE FILE_MIB          format DEVICE, create "data" of FILE_MIB MiB, fill it; prints its extent
 *   mapread       DEVICE REPS              map "data" with FamfsFile.map(): one cold pass, REPS warm passes
 *   create        DEVICE N ROUNDS          N creates per round, one session each and in one batch
 *   replay        IMAGE.gz DEVICE SIZE FIRST ITERS   replay a full log; FIRST = open | replay (which is cold)
 *   populate      DEVICE N                 format DEVICE and create N files in one batch (for the daemon RSS test)
 *   device-setup  DEVICE DEV_MIB LOG_MIB FILE_MIB DATAFILE UUIDFILE   the device bin/famfs-bench fuse mounts
 * </pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "mapread-setup" -> MapRead.setup(rest);
            case "mapread" -> MapRead.run(rest);
            case "create" -> Creates.run(rest);
            case "populate" -> Creates.populate(rest);
            case "replay" -> ReplayBench.run(rest);
            case "device-setup" -> DeviceSetup.run(rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: jfamfs-bench mapread-setup|mapread|create|populate|replay|device-setup ARGS (see io.jfamfs.bench.Main)");
        System.exit(2);
    }
}
