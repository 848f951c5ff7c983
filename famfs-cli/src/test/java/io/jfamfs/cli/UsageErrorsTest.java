package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every usage-error path of famfs-cli.md sections B and G that needs no device: exit status, one clear
 * line on stderr, and no stack trace.
 */
class UsageErrorsTest {
    @ParameterizedTest(name = "famfs {1} -> {0}")
    @CsvSource(delimiter = ';', value = {
        // root command
        "1; ''", "1; --", "3; badarg", "3; bogus -x",
        // mount (usage checks come after the root check; tests run as root or get 1 anyway)
        "1; mount", "1; mount a b c", "1; mount -r -m /dev/null /tmp", "1; mount -t 1 -c never /dev/null /tmp",
        "1; mount -c sometimes /dev/null /tmp", "1; mount -S /a -S /b /dev/null /tmp",
        // fsck: usage errors exit 2
        "2; fsck", "2; fsck -rm /tmp", "2; fsck --bogus /tmp", "2; fsck -B 0 /tmp",
        // creat
        "1; creat", "1; creat -r -S 1", "1; creat -S 1 -s 10 /tmp/x", "1; creat -s 0 /tmp/e",
        "1; creat -M /tmp/c", "1; creat -M /tmp/c,2,2,2", "1; creat -t 1000 -M /tmp/d,2M,1",
        "1; creat -t -1 -M /tmp/d,2M,1", "1; creat -S 1 -r -M /tmp/d,2M", "1; creat -M /tmp/d,2M /tmp/x",
        "1; creat -s 12q /tmp/x", "1; creat -m 999 -s 4k /tmp/x", "1; creat -u -1 -s 4k /tmp/x",
        // verify
        "1; verify", "1; verify -f /tmp/t1", "1; verify -S 0 -f /tmp/t1", "1; verify -S 1",
        "1; verify -m /tmp/x", "1; verify -m /tmp/x,1,2", "1; verify --threadct -1 -m /tmp/a,1",
        "1; verify --threadct 257 -m /tmp/a,1", "1; verify --threadct 999 -m /tmp/a,1",
        "1; verify -m /tmp/a,1 -f /tmp/b", "1; verify -m /tmp/a,0",
        // cp
        "1; cp", "1; cp /tmp/a", "1; cp --gid=-1", "1; cp --uid=-1", "1; cp --uid=-1 /tmp/a /tmp/b",
        "1; cp -t 300 /tmp/a /tmp/b",
        // mkdir, flush, getmap, chkread, clone, check, logplay, mkmeta, umount, dev
        "1; mkdir", "1; mkdir -m 8 /tmp/x", "1; flush", "22; getmap", "1; chkread", "1; chkread -s -l /tmp/x",
        "1; clone /tmp/a", "1; clone", "1; check", "1; check relative/path",
        "1; logplay", "1; logplay -r -m /tmp", "1; logplay -rm /tmp", "1; logplay --shadow /a --shadow /b /tmp",
        "1; logplay --daxdev /dev/null", "1; logplay --shadowtest /tmp", "1; logplay --shadow /a --daxdev /d /tmp",
        "1; mkmeta", "1; umount", "1; dev", "1; dev create /tmp/x", "1; dev create --size 3m /tmp/x",
        "1; dev create --size 0 /tmp/x"})
    void shouldFailWithTheReferenceExitCode(int expected, String args) {
        CliRun r = CliRun.famfs(args.isBlank() ? new String[0] : args.split(" "));
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(expected);
        assertThat(r.err()).isNotBlank().doesNotContain("\tat ", "Exception:");
    }

    @ParameterizedTest(name = "famfs {0} -> 0")
    @CsvSource({"-h", "-?", "--help", "-h mount", "-? creat", "-h fsck", "mount -?", "mount -h", "creat -h",
        "cp -h", "verify -h", "mkdir -h", "fsck -?", "fsck --help", "logplay -h", "getmap -h", "flush -?",
        "chkread -?", "clone -h", "check -?", "mkmeta -h", "umount -h", "dev create -h", "completion -h"})
    void shouldShowHelpAndExitZero(String args) {
        CliRun r = CliRun.famfs(args.split(" "));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("SYNOPSIS");
    }

    @Test
    void shouldShowTheCommandsHelpForFamfsDashHCommand() {
        assertThat(CliRun.famfs("-h", "mount").out()).contains("famfs mount").contains("--timeout");
        assertThat(CliRun.famfs("-h", "fsck").out()).contains("famfs fsck").contains("--human");
    }

    @Test
    void shouldPrintUsageForAnUnknownCommand() {
        CliRun r = CliRun.famfs("badarg");
        assertThat(r.err()).contains("badarg").contains("COMMANDS").contains("creat");
    }

    @Test
    void shouldPrintOneLineAndAHintForAUsageError() {
        CliRun r = CliRun.famfs("creat", "-S", "1", "-s", "10", "/tmp/x");
        assertThat(r.err()).startsWith("famfs creat: -S/--seed requires -r/--randomize")
                .contains("Try 'famfs creat --help'");
    }

    @Test
    void shouldPrintTheVersion() {
        CliRun r = CliRun.famfs("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("famfs (jfamfs)");
    }

    @Test
    void shouldPrintABashCompletionScript() {
        CliRun r = CliRun.famfs("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("creat").contains("logplay");
    }

    @Test
    void mkfsShouldShowHelpAndRejectMissingDeviceAndBadLogLengths() {
        assertThat(CliRun.mkfs("-h").exit()).isZero();
        assertThat(CliRun.mkfs("-?").exit()).isZero();
        assertThat(CliRun.mkfs().exit()).isEqualTo(1);
        if (ProcessIds.current().isRoot()) {
            for (String len : new String[] {"1", "11m", "1m", "12m", "0"}) {
                CliRun r = CliRun.mkfs("-f", "--loglen", len, "/tmp/nonexistent-dev");
                assertThat(r.exit()).as("--loglen %s: %s", len, r.err()).isEqualTo(2);
                assertThat(r.err()).contains("log length");
            }
        } else {
            assertThat(CliRun.mkfs("/tmp/x").err()).contains("must run as root");
        }
    }

    @Test
    void mkmetaShouldSayItIsNotNeeded() {
        CliRun r = CliRun.famfs("mkmeta", "/dev/dax0.0");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("not needed with jfamfs");
    }

    @Test
    void logplayShortShadowFormsShouldWork() {
        // The reference's -Ss printed usage and exited 0; here -S is --shadowtest and -s takes DIR.
        CliRun r = CliRun.famfs("logplay", "-Ss", "/nonexistent/shadow");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("missing MOUNTPOINT");
    }
}
