/** The KMS count flow as a SurveyJS survey: one question per page, routed by visibleIf conditions. */
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.fontless.min.css';

const LOW = "({role} = 'client' and {count} < 25) or ({role} = 'server' and {count} < 5)";
const ENOUGH = "({role} = 'client' and {count} >= 25) or ({role} = 'server' and {count} >= 5)";

const survey = new Model({
  title: 'KMS activation count',
  showQuestionNumbers: 'off',
  showCompletedPage: false,
  textUpdateMode: 'onTyping',
  pages: [
    {
      name: 'role',
      elements: [
        {
          type: 'radiogroup',
          name: 'role',
          title: 'Is the machine that fails a KMS client or a KMS host (server)?',
          isRequired: true,
          choices: [
            { value: 'client', text: 'Client (Windows 10/11)' },
            { value: 'server', text: 'Server (Windows Server)' },
          ],
        },
      ],
    },
    {
      name: 'dli',
      elements: [
        {
          type: 'boolean',
          name: 'dli',
          title: 'On the KMS host, run slmgr /dli. Did slmgr /dli run?',
          description: 'Look for "Current count" in the output.',
          renderAs: 'radio',
          labelTrue: 'Yes',
          labelFalse: 'No',
          isRequired: true,
        },
      ],
    },
    {
      name: 'count',
      visibleIf: '{dli} = true',
      elements: [
        {
          type: 'text',
          inputType: 'number',
          name: 'count',
          title: 'What is the current count?',
          min: 0,
          isRequired: true,
        },
      ],
    },
    {
      name: 'outcome',
      elements: [
        {
          type: 'html',
          name: 'outcome-no-dli',
          visibleIf: '{dli} = false',
          html: '<h2>Escalate</h2><p>slmgr /dli fails on the host: the KMS host itself is not working. Collect the output and escalate.</p>',
        },
        {
          type: 'html',
          name: 'outcome-low',
          visibleIf: LOW,
          html: '<h2>The count is too low</h2><p>Clients need a count of 25, servers 5. Add machines or wait for more requests, then activate again.</p>',
        },
        {
          type: 'html',
          name: 'outcome-enough',
          visibleIf: ENOUGH,
          html: '<h2>The count is enough</h2><p>The threshold is met: the count is not the cause. Look at the error code again.</p>',
        },
      ],
    },
  ],
});

renderSurvey(survey, document.getElementById('survey')!);
