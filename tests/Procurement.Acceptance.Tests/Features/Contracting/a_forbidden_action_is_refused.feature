Feature: A contract refuses what its state does not allow, and says what is allowed
  Each step of a contract's life is allowed only in some states: a contract nobody has signed cannot be completed.
  The platform refuses such a request and names the actions that are allowed now.

  Scenario: The purchaser tries to complete a contract that nobody has signed
    Given the award of "Youth outreach, Street C" to "agency1" at 300000.00 yuan is confirmed, with service for a year from 10 days from now
    When the purchaser tries to complete the contract for "Youth outreach, Street C"
    Then the contract request is refused because the contract is "Draft", naming the allowed actions "Sign", "SetPaymentTerm" and "Terminate"
    And the contract for "Youth outreach, Street C" is still a draft
