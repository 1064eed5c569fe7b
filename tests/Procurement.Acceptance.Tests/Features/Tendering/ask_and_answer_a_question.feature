Feature: Agencies ask about a tender and every agency reads the answer
  Before the deadline an agency may ask the purchaser about a published tender. The purchaser's answer
  is published to every agency, and nobody is ever told which agency asked.

  Times are Beijing time. Days are counted from today, so that the scenarios stay true whenever they run.

  Scenario: An agency asks a question; the purchaser answers it; every agency reads the answer without learning who asked
    Given the purchaser has published the tender "Elder care, Street Q" with bids due in 25 days at 17:00 Beijing time
    When the agency "agency1" asks about "Elder care, Street Q": "May the supervisor also be one of the three certified social workers?"
    Then the agency "agency2" sees no answered questions about "Elder care, Street Q" yet
    When the purchaser answers that question: "Yes. The supervisor counts as one of the three certified social workers."
    Then the agencies "agency1", "agency2" and "agency3" each read the question with the answer "Yes. The supervisor counts as one of the three certified social workers."
    And only the agency "agency1" is told the question was its own
    And nothing the agencies read names the agency that asked
