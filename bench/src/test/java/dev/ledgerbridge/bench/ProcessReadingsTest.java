package dev.ledgerbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessReadingsTest {

    @Test
    void shouldReadVmRssFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";

        assertEquals(123456, ProcessReadings.rssKbFromStatus(status));
    }

    @Test
    void shouldAddUserAndSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 1500 250 0 0 20 0 40 0 12345 0 0";

        assertEquals(1750, ProcessReadings.cpuTicksFromStat(stat));
    }

    @Test
    void shouldReadThisVeryProcess() {
        long pid = ProcessHandle.current().pid();

        assertTrue(ProcessReadings.rssKb(pid) > 0);
        assertTrue(ProcessReadings.cpuTicks(pid) >= 0);
        assertEquals(-1, ProcessReadings.rssKb(Long.MAX_VALUE));
    }
}
