import { testEnvironment } from './test-env';

// Every integration test file talks to the test database, whatever .env says.
Object.assign(process.env, testEnvironment());
