// The fault tests restart the shared MariaDB and Redis, and every test loads a 2-core machine: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
