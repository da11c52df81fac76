import { expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { addTestActor, addTestOrganisation, buildTestServices } from '../../../test/services.ts'

describeEachDialect('logging a request', (dialect) => {
  const database = useTestDatabase(dialect)

  it('logs the first seed request and works out that it is due on 29 October 2024', async () => {
    const services = buildTestServices(database())
    const organisation = await addTestOrganisation(services)
    const officer = await addTestActor(services, organisation, ['officer'])
    const logged = await services.cases.logRequest(officer, {
      regime: 'foia',
      receivedOn: '2024-10-01',
      channel: 'email',
      requestText: 'A copy of the requests for information sent to seven organisations.',
      requester: { name: 'A. Requester', email: 'requester@example.com' },
    })
    if (!logged.ok) throw new Error(JSON.stringify(logged.error))
    expect(logged.value.deadline?.due).toBe('2024-10-29')
    expect(logged.value.case.reference).toMatch(/^IC-\d{6}-[A-Z]\d[A-Z]\d$/)
    const read = await services.cases.getCase(officer, logged.value.case.reference)
    expect(read.ok && read.value.requester?.name).toBe('A. Requester')
  })
})
