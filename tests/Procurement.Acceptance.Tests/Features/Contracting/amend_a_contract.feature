Feature: Amend a contract; every version of its terms stays readable
  A change to a running contract is an amendment: a new version of the terms with a reason code and the reason
  in words. Both parties can read the terms in force and every earlier version.

  Scenario: The purchaser raises the amount; both parties read both versions
    Given an active contract for "Family support, Street D" with "agency1" worth 480000.00 yuan
    When the purchaser amends the contract for "Family support, Street D" to 504000.00 yuan with reason "amountChange": "Two more caseworkers from March"
    Then the contract for "Family support, Street D" is at terms version 2, worth 504000.00 yuan
    And the agency "agency1" reads the contract versions of "Family support, Street D": version 1 at 480000.00 yuan, version 2 at 504000.00 yuan for "amountChange"
