"""Small closed word lists the shared analysis relies on (grounded in the seed catalog)."""

SELLER_PRONOUNS = frozenset({"i", "we", "me", "us"})
SELLER_POSSESSIVES = frozenset({"my", "our"})
READER_PRONOUNS = frozenset({"you", "u", "ya", "y'all", "y\u2019all"})
READER_POSSESSIVES = frozenset({"your", "yours"})

# Seller clauses built on these verbs serve the reader ("Is there anything I can do to help?").
SERVICE_VERBS = frozenset(
    {
        "help",
        "pitch",
        "support",
        "send",
        "introduce",
        "share",
        "listen",
        "learn",
        "understand",
        "ask",
        "know",
        "wonder",
        "offer",
        "attach",
        "put",
        "compare",
        "find",
        "notice",
        "see",
        "read",
        "hear",
        "connect",
        "redo",
        "walk",
        "answer",
        "look",
        "think",
        "suspect",
        "assume",
    }
)

# Product nouns that make "our X" (and a bare "the platform") the seller speaking.
PRODUCT_NOUNS = frozenset(
    {
        "platform",
        "solution",
        "tool",
        "software",
        "product",
        "app",
        "ai",
        "service",
        "system",
        "technology",
        "engine",
        "suite",
        "team",
        "company",
        "firm",
        "agency",
        "offering",
        "api",
    }
)

FEAR_OR_ABSOLUTE = frozenset(
    {
        "100",
        "100%",
        "confident",
        "sure",
        "certain",
        "proof",
        "afraid",
        "worried",
        "losing",
        "lose",
        "wish",
        "double",
        "triple",
        "10x",
        "2x",
        "3x",
        "tired",
        "sick",
        "guaranteed",
        "audit-proof",
    }
)

# Seller clauses that describe work done for the reader ("I mocked up two changes").
GIFT_VERBS = frozenset(
    {
        "mock",
        "prepare",
        "draft",
        "map",
        "compare",
        "pull",
        "test",
        "analyze",
        "analyse",
        "review",
        "audit",
        "benchmark",
        "record",
        "sketch",
        "annotate",
        "attach",
    }
)

# Seller clauses about the thread itself ("I've reached out a few times", "I'll close this out",
# "I'm writing on behalf of"): about the exchange, not self-promotion. Whether such a follow-up
# brings value is valueless-follow-up's question, so self-focus does not count them twice.
CONTACT_VERBS = frozenset(
    {
        "reach",
        "circle",
        "follow",
        "check",
        "touch",
        "ping",
        "email",
        "e-mail",
        "write",
        "close",
        "bump",
        "loop",
    }
)

# "I noticed your Q2 filing", "I saw {{company}} opened a Reno warehouse": an observation about
# the reader, not the seller talking about itself (catalog 4.13, step 1)
OBSERVATION_VERBS = frozenset({"notice", "see", "read", "spot", "hear", "watch", "come"})
