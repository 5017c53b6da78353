/**
 * States drawn with weights proportional to their 2020 census population (millions, rounded), with a flat
 * approximate state income tax rate on taxable income (our simplification: real state taxes vary by bracket).
 */
export interface StateInfo {
  code: string;
  name: string;
  populationMillions: number;
  flatIncomeTaxRate: number;
  cities: readonly string[];
}

export const STATES: readonly StateInfo[] = [
  { code: 'CA', name: 'California', populationMillions: 39.5, flatIncomeTaxRate: 0.05, cities: ['Los Angeles', 'San Diego', 'Sacramento', 'San Jose'] },
  { code: 'TX', name: 'Texas', populationMillions: 29.1, flatIncomeTaxRate: 0, cities: ['Houston', 'Austin', 'Dallas', 'San Antonio'] },
  { code: 'FL', name: 'Florida', populationMillions: 21.5, flatIncomeTaxRate: 0, cities: ['Miami', 'Tampa', 'Orlando', 'Jacksonville'] },
  { code: 'NY', name: 'New York', populationMillions: 20.2, flatIncomeTaxRate: 0.055, cities: ['New York', 'Buffalo', 'Rochester', 'Albany'] },
  { code: 'PA', name: 'Pennsylvania', populationMillions: 13.0, flatIncomeTaxRate: 0.0307, cities: ['Philadelphia', 'Pittsburgh', 'Allentown'] },
  { code: 'IL', name: 'Illinois', populationMillions: 12.8, flatIncomeTaxRate: 0.0495, cities: ['Chicago', 'Springfield', 'Peoria'] },
  { code: 'OH', name: 'Ohio', populationMillions: 11.8, flatIncomeTaxRate: 0.035, cities: ['Columbus', 'Cleveland', 'Cincinnati'] },
  { code: 'GA', name: 'Georgia', populationMillions: 10.7, flatIncomeTaxRate: 0.0539, cities: ['Atlanta', 'Savannah', 'Augusta'] },
  { code: 'NC', name: 'North Carolina', populationMillions: 10.4, flatIncomeTaxRate: 0.045, cities: ['Charlotte', 'Raleigh', 'Durham'] },
  { code: 'MI', name: 'Michigan', populationMillions: 10.1, flatIncomeTaxRate: 0.0425, cities: ['Detroit', 'Grand Rapids', 'Lansing'] },
  { code: 'NJ', name: 'New Jersey', populationMillions: 9.3, flatIncomeTaxRate: 0.05, cities: ['Newark', 'Jersey City', 'Trenton'] },
  { code: 'VA', name: 'Virginia', populationMillions: 8.6, flatIncomeTaxRate: 0.05, cities: ['Virginia Beach', 'Richmond', 'Arlington'] },
  { code: 'WA', name: 'Washington', populationMillions: 7.7, flatIncomeTaxRate: 0, cities: ['Seattle', 'Spokane', 'Tacoma'] },
  { code: 'AZ', name: 'Arizona', populationMillions: 7.2, flatIncomeTaxRate: 0.025, cities: ['Phoenix', 'Tucson', 'Mesa'] },
  { code: 'MA', name: 'Massachusetts', populationMillions: 7.0, flatIncomeTaxRate: 0.05, cities: ['Boston', 'Worcester', 'Springfield'] },
  { code: 'TN', name: 'Tennessee', populationMillions: 6.9, flatIncomeTaxRate: 0, cities: ['Nashville', 'Memphis', 'Knoxville'] },
  { code: 'IN', name: 'Indiana', populationMillions: 6.8, flatIncomeTaxRate: 0.0305, cities: ['Indianapolis', 'Fort Wayne'] },
  { code: 'MD', name: 'Maryland', populationMillions: 6.2, flatIncomeTaxRate: 0.05, cities: ['Baltimore', 'Rockville'] },
  { code: 'MO', name: 'Missouri', populationMillions: 6.2, flatIncomeTaxRate: 0.045, cities: ['Kansas City', 'St. Louis'] },
  { code: 'WI', name: 'Wisconsin', populationMillions: 5.9, flatIncomeTaxRate: 0.05, cities: ['Milwaukee', 'Madison'] },
  { code: 'CO', name: 'Colorado', populationMillions: 5.8, flatIncomeTaxRate: 0.044, cities: ['Denver', 'Colorado Springs'] },
  { code: 'MN', name: 'Minnesota', populationMillions: 5.7, flatIncomeTaxRate: 0.06, cities: ['Minneapolis', 'Saint Paul'] },
  { code: 'OR', name: 'Oregon', populationMillions: 4.2, flatIncomeTaxRate: 0.08, cities: ['Portland', 'Eugene'] },
  { code: 'NV', name: 'Nevada', populationMillions: 3.1, flatIncomeTaxRate: 0, cities: ['Las Vegas', 'Reno'] },
  { code: 'UT', name: 'Utah', populationMillions: 3.3, flatIncomeTaxRate: 0.0465, cities: ['Salt Lake City', 'Provo'] },
];
