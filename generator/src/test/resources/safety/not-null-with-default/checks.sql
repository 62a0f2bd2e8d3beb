SELECT bool_and(tier = 'basic') FROM customer;
