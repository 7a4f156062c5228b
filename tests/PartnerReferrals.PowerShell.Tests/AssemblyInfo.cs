// The module's signed-in session is process-wide: no two tests may run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
