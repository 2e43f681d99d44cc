"""The privacy lesson: personal-data flags, k-anonymity, the minimisation review and the exercise checks."""

from kit.privacy._checks import (MORE_QUASI, QUASI, check_at_risk_share, check_best_drop, check_group_sizes,
                                 check_k, check_unique_share, check_unique_share_five)
from kit.privacy._law import Law, PrivacyLaws, as_of_text, load_laws
from kit.privacy._minimisation import (ColumnFlag, KAnonymity, K_TARGET, Review, SIZE_BANDS,
                                       classify_column, classify_columns, flags_frame, group_sizes,
                                       k_anonymity, keyword_match, kinds, minimisation_section, review)

__all__ = [
    "ColumnFlag",
    "KAnonymity",
    "Law",
    "PrivacyLaws",
    "K_TARGET",
    "MORE_QUASI",
    "QUASI",
    "Review",
    "SIZE_BANDS",
    "as_of_text",
    "check_at_risk_share",
    "check_best_drop",
    "check_group_sizes",
    "check_k",
    "check_unique_share",
    "check_unique_share_five",
    "classify_column",
    "classify_columns",
    "flags_frame",
    "group_sizes",
    "k_anonymity",
    "keyword_match",
    "kinds",
    "load_laws",
    "minimisation_section",
    "review",
]
