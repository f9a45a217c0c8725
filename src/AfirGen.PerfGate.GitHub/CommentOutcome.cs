namespace AfirGen.PerfGate.GitHub;

/// <summary>The result of posting the sticky comment: what was done, the comment's address, and the failure if any.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Url">The comment's html address, when there is one.</param>
/// <param name="Failure">Why it failed, for <see cref="CommentAction.Failed"/>.</param>
/// <param name="Newer">For <see cref="CommentAction.Superseded"/>: the run whose comment stays.</param>
/// <param name="DuplicatesRemoved">Comments of this key removed because a race between runs had created more than one.</param>
public sealed record CommentOutcome(CommentAction Action, string? Url, GitHubFailure? Failure = null, RunStamp? Newer = null, int DuplicatesRemoved = 0);
