Feature: A third-party evaluator grades a contract's performance
  Every active contract is evaluated against its indicator system, built from the contract's KPIs with
  weights that sum to 100. The purchaser may change the weights until the first evaluation, and assigns a
  third-party evaluator to the mid-term and to the final evaluation. The evaluator scores each indicator
  from 0 to 100 with a comment; the weighted score gives the grade: Excellent from 90, Good from 80, Pass
  from 60, Fail below. The contract's parties and auditors read it, and the grade counts in the agency's
  past performance for later tenders. Other agencies see nothing of it.

  Scenario: The purchaser weighs the indicators, assigns an evaluator, and the mid-term grade is read by the parties
    Given the contract "Elder care, Street P" of "agency1" has become active, carrying the KPIs "Service hours" and "People served"
    Then the indicators of "Elder care, Street P" weigh 50.00 and 50.00
    When the purchaser weighs the indicators of "Elder care, Street P": "Service hours" 60.00 and "People served" 40.00
    And the purchaser assigns "evaluator1" to the MidTerm evaluation of "Elder care, Street P"
    And "evaluator1" scores the MidTerm evaluation of "Elder care, Street P":
      | indicator     | score | comment                                                   |
      | Service hours | 92    | 2208 of 2400 hours delivered, checked against case files |
      | People served | 85    | 255 of 300 elders reached; sample of 30 visited          |
    Then the MidTerm evaluation of "Elder care, Street P" is graded "Good" with 89.20 points
    And "agency1" and "auditor" read that grade, but "agency2" cannot see the evaluation of "Elder care, Street P"
    And the grade "Good" counts in the past performance of "agency1"
    And the purchaser can no longer change the weights of "Elder care, Street P"

  Scenario: Weights that do not sum to 100 are refused, and only the assigned evaluator may score
    Given the contract "Elder care, Street Q" of "agency1" has become active, carrying the KPIs "Service hours" and "People served"
    When the purchaser weighs the indicators of "Elder care, Street Q": "Service hours" 60.00 and "People served" 39.99
    Then the weights are refused because they sum to 99.99, not 100
    When the purchaser assigns "evaluator1" to the Final evaluation of "Elder care, Street Q"
    Then "evaluator2" cannot score the Final evaluation of "Elder care, Street Q"
    When "evaluator1" scores the Final evaluation of "Elder care, Street Q":
      | indicator     | score | comment                                      |
      | Service hours | 55    | Only 1320 of 2400 hours delivered           |
      | People served | 64.98 | Many elders dropped out after staff changes |
    Then the Final evaluation of "Elder care, Street Q" is graded "Fail" with 59.99 points
