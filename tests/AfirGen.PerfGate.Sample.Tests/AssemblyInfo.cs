// Every test starts the sample backend on the same port and loads the 2-core machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
