Feature: A purchaser publishes a tender and agencies find it
  As a civil-affairs officer I publish a tender for a service program,
  so that social-work agencies can find it and bid before the deadline.

  Times are Beijing time. Days are counted from today, so that the scenarios stay true whenever they run.

  Scenario: An agency finds a newly published tender with its deadline in Beijing time
    Given I am signed in as the purchaser "purchaser"
    And I have created the service program "Home care for elders, Street X" in "Demo District"
    When I publish a tender "Elder care, Street X" for that program with a budget ceiling of 480000.00 yuan, bids due in 25 days at 17:00 Beijing time, for one year of service from the first of the month after bids are due
    And the agency user "agency1" looks at the open tenders
    Then they see "Elder care, Street X" with a budget ceiling of 480000.00 yuan and bids due in 25 days at 17:00 Beijing time
    And they see that it is a public tender asking for 3 certified social workers, 1 of them at intermediate level or above, and 1 supervisor

  Scenario: An agency cannot put out or publish a tender
    Given the purchaser "purchaser" has drafted a tender "Youth outreach, Street Y" for the service program "Youth outreach, Street Y"
    And I am signed in as the agency user "agency1"
    When I try to publish the tender "Youth outreach, Street Y"
    Then I am refused because only purchasers may publish tenders
    When I try to put out a tender "Our own tender" for the service program "Youth outreach, Street Y"
    Then I am refused because only purchasers may put out tenders

  Scenario: A visitor who has not signed in is asked to sign in
    Given I have not signed in
    When I look at the open tenders
    Then I am asked to sign in first
    When I try to put out a tender "A tender from nobody"
    Then I am asked to sign in first

  Scenario: A tender with missing and wrong details is sent back naming each one
    Given I am signed in as the purchaser "purchaser"
    And I have created the service program "Family support, Street Z" in "Demo District"
    When I send a tender for that program with no title, a budget ceiling of -5.00 yuan, bids due yesterday, and service that ends a month before it starts
    Then the tender is sent back, naming each detail to correct:
      | detail        | the message                                   |
      | title         | Title is required.                            |
      | budgetCeiling | Budget ceiling must be greater than zero.     |
      | bidDeadline   | Bid deadline must be in the future.           |
      | serviceEnd    | Service end must not be before service start. |
