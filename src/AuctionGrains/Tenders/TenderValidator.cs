using System.Text.RegularExpressions;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Validation;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// Checks a call for offers and an offer before anything is stored. Errors are keyed by field name
/// ("submissionDeadline", "items[2].unitPrice"); empty when the message is valid.
/// </summary>
public static partial class TenderValidator
{
    /// <summary>The largest amount accepted (10^15), as for auctions.</summary>
    public const decimal MaxMoney = AuctionTermsValidator.MaxMoney;

    public const decimal MaxQuantity = 1_000_000_000_000m;

    public const int MaxInvited = 10_000;

    public const int MaxItems = 5_000;

    public const int MaxDocuments = 200;

    public const int MaxTechnicalProposalLength = 100_000;

    public const int MaxTitleLength = 300;

    public const int MaxDocumentNameLength = 255;

    public const int MaxOfficerLength = 200;

    /// <summary>How far ahead a submission deadline may be set.</summary>
    public static readonly TimeSpan MaxSubmissionPeriod = TimeSpan.FromDays(366);

    public static Dictionary<string, string[]> ValidateTerms(TenderTerms? terms, string tenderId, string? officer, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (terms is null)
        {
            errors.Add("terms", "Required.");
            return errors.ToDictionary();
        }

        if (!AuctionIds.IsValidPart(terms.ProcedureId))
        {
            errors.Add("procedureId", "Required: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (terms.LotId is not null && !AuctionIds.IsValidPart(terms.LotId))
        {
            errors.Add("lotId", "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit; or null.");
        }
        else if (AuctionIds.IsValidPart(terms.ProcedureId) && terms.TenderId != tenderId)
        {
            errors.Add("procedureId", $"The terms belong to tender '{terms.TenderId}', not '{tenderId}'.");
        }

        if (string.IsNullOrWhiteSpace(terms.Title) || terms.Title.Length > MaxTitleLength)
        {
            errors.Add("title", $"Required, at most {MaxTitleLength} characters.");
        }

        if (terms.Currency is null || !CurrencyPattern().IsMatch(terms.Currency))
        {
            errors.Add("currency", "An ISO 4217 code of three capital letters, e.g. MXN.");
        }

        if (terms.SubmissionDeadline <= now)
        {
            errors.Add("submissionDeadline", "Must be in the future.");
        }
        else if (terms.SubmissionDeadline - now > MaxSubmissionPeriod)
        {
            errors.Add("submissionDeadline", $"At most {MaxSubmissionPeriod.TotalDays} days ahead.");
        }

        CheckInvited(terms, errors);
        if (string.IsNullOrWhiteSpace(officer) || officer.Length > MaxOfficerLength)
        {
            errors.Add("createdBy", $"The officer's id is required, at most {MaxOfficerLength} characters.");
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> ValidateOffer(SubmitOffer? offer)
    {
        var errors = new FieldErrors();
        if (offer is null)
        {
            errors.Add("offer", "Required.");
            return errors.ToDictionary();
        }

        if (!AuctionIds.IsValidPart(offer.SupplierId))
        {
            errors.Add("supplierId", "Required: 1–64 letters, digits, '.', '_' or '-'.");
        }

        if (offer.OfferId == Guid.Empty)
        {
            errors.Add("offerId", "Required: a fresh UUID per offer (the same one again is a retry).");
        }

        CheckAmount(offer.Total, decimals: 2, MaxMoney, "total", errors, allowZero: false);
        CheckItems(offer, errors);
        if (offer.TechnicalProposal is { Length: > MaxTechnicalProposalLength })
        {
            errors.Add("technicalProposal", $"At most {MaxTechnicalProposalLength} characters; attach the full proposal as a document.");
        }

        CheckDocuments(offer, errors);
        return errors.ToDictionary();
    }

    private static void CheckInvited(TenderTerms terms, FieldErrors errors)
    {
        if (terms.InvitedSuppliers.IsDefaultOrEmpty)
        {
            return;
        }

        if (terms.InvitedSuppliers.Length > MaxInvited)
        {
            errors.Add("invitedSuppliers", $"At most {MaxInvited} suppliers.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.InvitedSuppliers.Length; i++)
        {
            var supplier = terms.InvitedSuppliers[i];
            if (!AuctionIds.IsValidPart(supplier))
            {
                errors.Add($"invitedSuppliers[{i}]", "1–64 letters, digits, '.', '_' or '-'.");
            }
            else if (!seen.Add(supplier))
            {
                errors.Add($"invitedSuppliers[{i}]", $"'{supplier}' is invited twice.");
            }
        }
    }

    private static void CheckItems(SubmitOffer offer, FieldErrors errors)
    {
        if (offer.Items.IsDefaultOrEmpty)
        {
            return;
        }

        if (offer.Items.Length > MaxItems)
        {
            errors.Add("items", $"At most {MaxItems} items.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < offer.Items.Length; i++)
        {
            var item = offer.Items[i];
            var field = $"items[{i}]";
            if (item is null)
            {
                errors.Add(field, "Required.");
                continue;
            }

            if (!AuctionIds.IsValidPart(item.ItemId))
            {
                errors.Add($"{field}.itemId", "Required: 1–64 letters, digits, '.', '_' or '-'.");
            }
            else if (!seen.Add(item.ItemId))
            {
                errors.Add($"{field}.itemId", $"'{item.ItemId}' is priced twice.");
            }

            CheckAmount(item.UnitPrice, decimals: 4, MaxMoney, $"{field}.unitPrice", errors, allowZero: true);
            CheckAmount(item.Quantity, decimals: 6, MaxQuantity, $"{field}.quantity", errors, allowZero: false);
        }
    }

    private static void CheckDocuments(SubmitOffer offer, FieldErrors errors)
    {
        if (offer.Documents.IsDefaultOrEmpty)
        {
            return;
        }

        if (offer.Documents.Length > MaxDocuments)
        {
            errors.Add("documents", $"At most {MaxDocuments} documents.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < offer.Documents.Length; i++)
        {
            var document = offer.Documents[i];
            var field = $"documents[{i}]";
            if (document is null)
            {
                errors.Add(field, "Required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(document.Name) || document.Name.Length > MaxDocumentNameLength || document.Name.Any(char.IsControl))
            {
                errors.Add($"{field}.name", $"Required, at most {MaxDocumentNameLength} characters, no control characters.");
            }
            else if (!seen.Add(document.Name))
            {
                errors.Add($"{field}.name", $"'{document.Name}' is listed twice.");
            }

            if (document.Sha256 is null || !Sha256Pattern().IsMatch(document.Sha256))
            {
                errors.Add($"{field}.sha256", "The SHA-256 of the document: 64 hexadecimal digits.");
            }
        }
    }

    private static void CheckAmount(decimal value, int decimals, decimal max, string field, FieldErrors errors, bool allowZero)
    {
        if (value < 0m || (value == 0m && !allowZero) || value > max)
        {
            errors.Add(field, $"Must be {(allowZero ? "at least" : "greater than")} 0 and at most {max:0}.");
        }
        else if (decimal.Round(value, decimals) != value)
        {
            errors.Add(field, $"At most {decimals} decimals.");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
