using System;
using System.Management.Automation;
using JobTools.FanOut;
using JobTools.Paging;
using JobTools.Reporting;
using JobTools.Services;

namespace JobTools.Commands
{
    /// <summary>Turns the failures of a listing into error records: a bare id, a precise category, and how to resume.</summary>
    internal static class ListingErrors
    {
        /// <summary>
        /// A listing that failed part-way: the pages before were written; the message and the TargetObject say
        /// how to resume.
        /// </summary>
        public static ErrorRecord Interrupted(JobToolsServiceException exception, string subject, PagerPosition position) =>
            Interrupted(exception, new ListingResumePoint(subject, position.Token, position.Pages), "Resume with", "Run the same command again with");

        /// <summary>
        /// A source of a call over several that failed; the others went on. The message names the source, and
        /// the TargetObject is its resume point, with its region and profile.
        /// </summary>
        public static ErrorRecord SourceFailed(Exception failure, SourceRun run)
        {
            var source = run.Source;
            var position = run.Position;
            var resume = new ListingResumePoint(source.Subject, position.Token, position.Pages, source.Region, source.ProfileName);
            switch (failure)
            {
                case JobToolsServiceException { Kind: AwsErrorKind.NotFound } notFound when position.Pages == 0:
                    // Nothing to resume: the target is what was not found, as for a single source.
                    return ToErrorRecord(notFound.About(source.Label), source.Subject);
                case JobToolsServiceException service:
                    string with = "with"
                        + (resume.Region is null ? string.Empty : $" -Region {resume.Region}")
                        + (resume.ProfileName is null ? string.Empty : $" -ProfileName '{resume.ProfileName}'");
                    return Interrupted(service.About(source.Label), resume, $"Resume this source alone {with}", $"Run the same command for {source.Subject} alone {with}");
                case PagingException paging:
                    var stopped = Stopped(paging, new ListingResumePoint(source.Subject, paging.Token, paging.PagesWritten, resume.Region, resume.ProfileName));
                    stopped.ErrorDetails = new ErrorDetails($"{source.Label}: {paging.Message}");
                    return stopped;
                default:
                    return new ErrorRecord(failure, "SourceFailed", ErrorCategory.NotSpecified, resume)
                    {
                        ErrorDetails = new ErrorDetails($"{source.Label}: {failure.Message}"),
                    };
            }
        }

        /// <summary>A failure part-way: the message and the recommended action lead to the -NextToken argument with the words given.</summary>
        private static ErrorRecord Interrupted(JobToolsServiceException exception, ListingResumePoint resume, string messageLead, string actionLead)
        {
            if (resume.NextToken is null)
            {
                return ToErrorRecord(exception, resume);
            }

            // In the exception's message too: scripts log $_.Exception.Message.
            string argument = TokenText.NextTokenArgument(resume.NextToken);
            var interrupted = exception.Continued($"The {resume.PagesWritten} pages before it were written. {messageLead} {argument}.");
            var record = ToErrorRecord(interrupted, resume);
            record.ErrorDetails = new ErrorDetails(interrupted.Message)
            {
                RecommendedAction = $"{actionLead} {argument}.",
            };
            return record;
        }

        /// <summary>An AWS failure: the AWS error code as the id, a category for its kind.</summary>
        public static ErrorRecord ToErrorRecord(JobToolsServiceException exception, object? target) =>
            new ErrorRecord(exception, exception.ErrorCode ?? exception.Kind.ToString(), Category(exception.Kind), target);

        /// <summary>
        /// A listing the pager stopped, with its resume point: tokens or jobs that came back are an invalid
        /// result, a bound reached is a limit.
        /// </summary>
        public static ErrorRecord Stopped(PagingException exception, string subject) =>
            Stopped(exception, new ListingResumePoint(subject, exception.Token, exception.PagesWritten));

        private static ErrorRecord Stopped(PagingException exception, ListingResumePoint resume) =>
            new ErrorRecord(
                exception,
                exception.Failure.ToString(),
                exception.Failure is PagingFailure.TokenRepeated or PagingFailure.ItemRepeated ? ErrorCategory.InvalidResult : ErrorCategory.LimitsExceeded,
                resume);

        private static ErrorCategory Category(AwsErrorKind kind) => kind switch
        {
            AwsErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            AwsErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            AwsErrorKind.Throttled => ErrorCategory.LimitsExceeded,
            AwsErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            AwsErrorKind.Authentication => ErrorCategory.AuthenticationError,
            AwsErrorKind.Connection => ErrorCategory.ConnectionError,
            AwsErrorKind.Timeout => ErrorCategory.ConnectionError,
            AwsErrorKind.ServiceUnavailable => ErrorCategory.ResourceUnavailable,
            AwsErrorKind.MalformedResponse => ErrorCategory.InvalidResult,
            AwsErrorKind.Configuration => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
