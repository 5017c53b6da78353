/** Name pools. Names are only labels: ids, not names, identify people (names may repeat). */
export const GIVEN_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
  'Anthony', 'Betty', 'Mark', 'Sandra', 'Luis', 'Maria', 'Kevin', 'Ashley', 'Wei', 'Mei', 'Andre', 'Aaliyah', 'Omar',
  'Fatima', 'Raj', 'Priya', 'Jose', 'Sofia', 'Hiroshi', 'Yuki', 'Dmitri', 'Olga', 'Kwame', 'Amara', 'Liam', 'Emma',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Nguyen', 'Kim', 'Patel', 'Chen', 'Okafor', 'Cohen', 'Ivanov', 'Tanaka', 'Singh', 'Mensah', 'Murphy', 'Rivera', 'Cook',
] as const;
