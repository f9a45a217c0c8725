namespace AfirGen.PerfGate.GitHub;

/// <summary>What the sticky comment step did.</summary>
public enum CommentAction
{
    /// <summary>Posted a new comment.</summary>
    Created,

    /// <summary>Edited the comment this config posted before.</summary>
    Updated,

    /// <summary>Left the pull request alone (nothing to say under the chosen policy).</summary>
    Skipped,

    /// <summary>Left the comment alone: a newer run (or a later attempt) has already reported there.</summary>
    Superseded,

    /// <summary>GitHub did not take it; the failure says why.</summary>
    Failed,
}
