package news.storyline.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessesTest {

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheEndOfTheCommandName() {
        // The command name may hold spaces and parentheses; utime is 1500, stime 250.
        String stat = "4186 (java (x) y) S 1 4186 4186 0 -1 4194560 81234 0 12 0 1500 250 0 0 20 0 57 0 1234 "
                + "3000000000 90000 18446744073709551615 1 1 0 0 0 0 0 0 16800975 0 0 0 17 1 0 0 0 0 0";

        assertThat(Processes.cpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void aStatusFieldIsReadInKiB() {
        String status = "Name:\tjava\nVmPeak:\t 3500000 kB\nVmHWM:\t  409600 kB\nVmRSS:\t  380000 kB\n";

        assertThat(Processes.kib(status, "VmHWM")).isEqualTo(409_600);
        assertThat(Processes.kib(status, "VmRSS")).isEqualTo(380_000);
    }
}
