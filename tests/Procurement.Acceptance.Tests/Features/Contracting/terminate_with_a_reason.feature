Feature: Terminate a contract with a reason
  A contract ends early only with a reason, and the purchaser states how much has been paid so far. Both parties
  read the termination in the contract's history.

  Scenario: The purchaser terminates a contract, giving the reason and what has been paid
    Given an active contract for "Disability support, Street E" with "agency1" worth 360000.00 yuan
    When the purchaser terminates the contract for "Disability support, Street E" because "The agency closed its office in the street", having paid 108000.00 yuan
    Then the contract for "Disability support, Street E" is terminated for "The agency closed its office in the street" with 108000.00 yuan paid
    And the agency "agency1" reads in the contract history of "Disability support, Street E" that it was terminated for "The agency closed its office in the street"

  Scenario: A termination without a reason is refused
    Given an active contract for "Community building, Street G" with "agency1" worth 200000.00 yuan
    When the purchaser tries to terminate the contract for "Community building, Street G" without a reason
    Then the contract request is sent back asking for the reason
    And the contract for "Community building, Street G" is still active
