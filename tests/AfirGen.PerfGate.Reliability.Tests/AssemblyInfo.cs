// Kills, interrupts and full disks are timed against a 2-core machine: one test at a time, so one test's load does not pass for another's slowness.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
