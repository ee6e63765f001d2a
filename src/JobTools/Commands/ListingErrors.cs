using System.Management.Automation;
using JobTools.Paging;
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
            var record = ToErrorRecord(exception, resume);
            if (position.Token != null)
            {
                record.ErrorDetails = new ErrorDetails(
                    $"{exception.Message} The {position.Pages} pages before it were written. Resume with -NextToken '{position.Token}'.")
                {
                    RecommendedAction = $"Run the same command again with -NextToken '{position.Token}'.",
                };
            }

            return record;
        }

        /// <summary>An AWS failure: the AWS error code as the id, a category for its kind.</summary>
        public static ErrorRecord ToErrorRecord(JobToolsServiceException exception, object? target) =>
            new ErrorRecord(exception, exception.ErrorCode ?? exception.Kind.ToString(), Category(exception.Kind), target);

        /// <summary>A listing the pager stopped: a token that came back is an invalid result, the -MaxPages bound a limit.</summary>
        public static ErrorRecord ToErrorRecord(PagingException exception, object? target) =>
            new ErrorRecord(
                exception,
                exception.Failure.ToString(),
                exception.Failure == PagingFailure.TokenRepeated ? ErrorCategory.InvalidResult : ErrorCategory.LimitsExceeded,
                target);

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
