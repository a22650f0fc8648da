namespace ImagingWorklist.Simulation;

/// <summary>Where open exams wait, and how a free reporter is given one: the strategy under test.</summary>
internal interface IWorkPool
{
    void Arrive(SimExam exam, DateTimeOffset now);

    /// <summary>The next exam for a free reporter, now theirs; null when there is nothing they should take.</summary>
    SimExam? Take(SimReporter reporter, DateTimeOffset now);

    void Release(SimExam exam, SimReporter reporter, DateTimeOffset now);

    void Done(SimExam exam);
}
