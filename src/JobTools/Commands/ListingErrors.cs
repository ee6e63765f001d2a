using System.Management.Automation;
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
        public static ErrorRecord Interrupted(JobToolsServiceException exception, string subject, PagerPosition position)
        {
            var resume = new ListingResumePoint(subject, position.Token, position.Pages);
            if (position.Token is null)
            {
                return ToErrorRecord(exception, resume);
            }

            // In the exception's message too: scripts log $_.Exception.Message.
            string argument = TokenText.NextTokenArgument(position.Token);
            var interrupted = exception.Continued($"The {position.Pages} pages before it were written. Resume with {argument}.");
            var record = ToErrorRecord(interrupted, resume);
            record.ErrorDetails = new ErrorDetails(interrupted.Message)
            {
                RecommendedAction = $"Run the same command again with {argument}.",
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
            new ErrorRecord(
                exception,
                exception.Failure.ToString(),
                exception.Failure is PagingFailure.TokenRepeated or PagingFailure.ItemRepeated ? ErrorCategory.InvalidResult : ErrorCategory.LimitsExceeded,
                new ListingResumePoint(subject, exception.Token, exception.PagesWritten));

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
